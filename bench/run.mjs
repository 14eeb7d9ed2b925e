// @ts-check
// npm run bench: measures what the issues promise and writes bench/results/latest.json.
// Figures, not pass/fail: the closing notes report them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { repoRoot } from '../scripts/lib/paths.mjs';

const require = createRequire(import.meta.url);
const PORT_OFFSET = 500;
const GATEWAY = `http://127.0.0.1:${4000 + PORT_OFFSET}/graphql`;

async function gql(/** @type {string} */ url, /** @type {string} */ query, variables = {}, token = '') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return /** @type {any} */ (await response.json());
}

/** Resident memory of a process and all its descendants, in MiB (Linux /proc). */
function treeRssMiB(/** @type {number} */ pid) {
  const children = (/** @type {number} */ p) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const rss = (/** @type {number} */ p) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = /** @type {number} */ (stack.pop());
    total += rss(p);
    stack.push(...children(p));
  }
  return Math.round(total);
}

/** Starts `npm start`'s orchestrator and measures until the first real answers through the gateway. */
async function measureStart(/** @type {string} */ dataDir) {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'start.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, KINERJA_DATA_DIR: dataDir, KINERJA_PORT_OFFSET: String(PORT_OFFSET) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  while (!output.includes('Kinerja is up')) {
    if (child.exitCode !== null) throw new Error(`start failed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const upMs = performance.now() - startedAt;
  const admin = await gql(GATEWAY, 'mutation { login(input: { email: "admin@kinerja.demo", password: "kinerja-demo" }) { accessToken } }');
  const supervisor = await gql(GATEWAY, 'mutation { login(input: { email: "supervisor.siulak@kinerja.demo", password: "kinerja-demo" }) { accessToken } }');
  const team = await gql(GATEWAY, '{ me { subordinates { name } } }', {}, supervisor.data.login.accessToken);
  if (!admin.data?.login || !team.data?.me) throw new Error('the demo graph did not answer');
  const answeredMs = performance.now() - startedAt;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssMiB = treeRssMiB(/** @type {number} */ (child.pid));
  const stopped = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await stopped;
  return { upSeconds: +(upMs / 1000).toFixed(2), firstAnswersSeconds: +(answeredMs / 1000).toFixed(2), residentMemoryMiB: rssMiB };
}

/** `_entities` for 100 employees against identity on PGlite: SQL statements per batch and latency. */
async function measureEntities() {
  const { startService } = require(join(repoRoot, 'packages/service-kit/dist/index.js'));
  const { identityModule } = require(join(repoRoot, 'services/identity/dist/identity.module.js'));
  const { seedDemoData } = require(join(repoRoot, 'services/identity/dist/seed/seed-demo-data.js'));
  const { ScryptPasswordHasher } = require(join(repoRoot, 'services/identity/dist/infrastructure/scrypt-password-hasher.js'));
  const { loadConfig } = require(join(repoRoot, 'packages/config/dist/index.js'));
  const { identityEnvSchema } = require(join(repoRoot, 'services/identity/dist/env.js'));
  const { createLogger } = require(join(repoRoot, 'packages/logger/dist/index.js'));
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-bench-'));
  /** @type {string[]} */
  const queries = [];
  const config = loadConfig(identityEnvSchema, { DATA_DIR: dataDir, PORT: '0' });
  const { InProcessTransport } = require(join(repoRoot, 'packages/messaging/dist/index.js'));
  const service = await startService(identityModule, config, createLogger({ name: 'bench', level: 'silent' }), {
    transport: new InProcessTransport(),
    onQuery: (/** @type {string} */ sql) => queries.push(sql),
  });
  try {
    await seedDemoData(service.prisma, new ScryptPasswordHasher());
    const url = service.subgraph.graphqlUrl;
    const token = (await gql(url, 'mutation { login(input: { email: "admin@kinerja.demo", password: "kinerja-demo" }) { accessToken } }')).data.login
      .accessToken;
    const employees = await service.prisma.employee.findMany({ take: 100 });
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { id nip name } } }';
    const variables = { r: employees.map((/** @type {{ id: string }} */ e) => ({ __typename: 'Employee', id: e.id })) };
    for (let i = 0; i < 10; i += 1) await gql(url, query, variables, token);
    queries.length = 0;
    await gql(url, query, variables, token);
    const statements = queries.length;
    const samples = [];
    for (let i = 0; i < 100; i += 1) {
      const t0 = performance.now();
      await gql(url, query, variables, token);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return {
      employees: employees.length,
      sqlStatementsPerBatch: statements,
      medianMs: +(/** @type {number} */ (samples[50]).toFixed(2)),
      p95Ms: +(/** @type {number} */ (samples[95]).toFixed(2)),
    };
  } finally {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-bench-start-'));
const results = {
  measuredAt: new Date().toISOString(),
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  embeddedStart: { cold: await measureStart(dataDir), warm: await measureStart(dataDir) },
  identityEntities: await measureEntities(),
};
rmSync(dataDir, { recursive: true, force: true });
writeFileSync(join(repoRoot, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.exit(0);
