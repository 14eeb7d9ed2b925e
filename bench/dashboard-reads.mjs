// @ts-check
// npm run bench:dashboard-reads: identity's part of the supervisor's team dashboard
// (`me { subordinates { … position orgUnit } }`) under load, on the machine's PostgreSQL with the
// demo province: throughput, p50/p95 and SQL statements per request. IDENTITY_ROOTS (comma-separated
// checkouts with a built identity, e.g. the main branch and this one) compares them round by round. Prints its figures.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import pg from 'pg';

import { repoRoot } from '../scripts/lib/paths.mjs';

const require = createRequire(import.meta.url);
/** Checkouts whose built identity is measured, alternating round by round (e.g. main and this branch). */
const roots = (process.env.IDENTITY_ROOTS ?? repoRoot).split(',');
const { loadConfig } = require(join(repoRoot, 'packages/config/dist/index.js'));
const { createLogger } = require(join(repoRoot, 'packages/logger/dist/index.js'));
const { InProcessTransport } = require(join(repoRoot, 'packages/messaging/dist/index.js'));
const { startService } = require(join(repoRoot, 'packages/service-kit/dist/index.js'));

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const QUERY = `{ me { id name subordinates { id name nip employmentType position { title } orgUnit { name } } } }`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();

/** identity from `root` on a fresh database with the demo province, and a supervisor's request. */
async function setUp(/** @type {string} */ root) {
  const { identityModule } = require(join(root, 'services/identity/dist/identity.module.js'));
  const { identityEnvSchema } = require(join(root, 'services/identity/dist/env.js'));
  const { ScryptPasswordHasher } = require(join(root, 'services/identity/dist/infrastructure/scrypt-password-hasher.js'));
  const { seedDemoData } = require(join(root, 'services/identity/dist/seed/seed-demo-data.js'));
  const dbName = `kinerja_bench_dash_${randomUUID().slice(0, 8)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const counter = { statements: 0 };
  const config = loadConfig(identityEnvSchema, { DATABASE_URL: url.toString(), PORT: '0', NODE_ENV: 'test', ACCESS_TOKEN_TTL_SECONDS: '3600' });
  const service = await startService(identityModule, config, createLogger({ name: 'bench', level: 'warn' }), {
    transport: new InProcessTransport(),
    onQuery: () => (counter.statements += 1),
  });
  await seedDemoData(service.prisma, new ScryptPasswordHasher());
  const endpoint = service.subgraph.graphqlUrl;
  const login = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`,
      variables: { input: { email: 'supervisor.tanjungpinang@kinerja.demo', password: 'kinerja-demo' } },
    }),
  });
  const token = /** @type {any} */ (await login.json()).data.login.accessToken;
  const ask = async () => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = /** @type {any} */ (await response.json());
    if (body.errors || body.data.me.subordinates.length === 0) throw new Error(JSON.stringify(body));
  };
  for (let i = 0; i < 20; i++) await ask();
  counter.statements = 0;
  await ask();
  const statements = counter.statements;
  const tearDown = async () => {
    await service.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  };
  return { root, ask, statements, tearDown, latencies: /** @type {number[]} */ ([]), seconds: 0 };
}

const targets = [];
for (const root of roots) targets.push(await setUp(root));
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of targets) {
      const until = Date.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (Date.now() < until) {
            const start = process.hrtime.bigint();
            await target.ask();
            target.latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
          }
        }),
      );
      target.seconds += SECONDS;
    }
  }
  for (const target of targets) {
    const latencies = [...target.latencies].sort((a, b) => a - b);
    const at = (/** @type {number} */ q) => Number((latencies[Math.floor(latencies.length * q)] ?? 0).toFixed(1));
    const figures = { rps: Number((latencies.length / target.seconds).toFixed(1)), p50: at(0.5), p95: at(0.95), sqlStatementsPerRequest: target.statements };
    process.stdout.write(`${JSON.stringify({ identity: target.root, connections: CONNECTIONS, seconds: target.seconds, ...figures })}\n`);
  }
} finally {
  for (const target of targets) await target.tearDown();
  await admin.end();
}
