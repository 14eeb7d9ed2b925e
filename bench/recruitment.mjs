// @ts-check
// npm run bench:recruitment: one selection at volume on the real recruitment service (its HTTP
// GraphQL endpoint, verifier, use cases, Prisma and PostgreSQL). BENCH_APPLICANTS applicants
// (100,000 by default) apply with client retries that reuse the idempotency key; the SKD export of
// all of them is imported and ranked (importSkdScores + announceResults SKD); then the published
// results are read (selectionResults). Writes bench/results/recruitment.json.
//
// Not through the gateway: the subgraph is called directly (the gateway adds its own hop; see
// bench/run.mjs for gateway numbers). Applicants are inserted in bulk (registration is not what is
// measured), and verification marks every application qualified in one statement.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { repoRoot } from '../scripts/lib/paths.mjs';

const require = createRequire(import.meta.url);
const { loadConfig } = require(join(repoRoot, 'packages/config/dist/index.js'));
const { createLogger } = require(join(repoRoot, 'packages/logger/dist/index.js'));
const { InProcessTransport } = require(join(repoRoot, 'packages/messaging/dist/index.js'));
const { startService } = require(join(repoRoot, 'packages/service-kit/dist/index.js'));
const { claimsFor } = require(join(repoRoot, 'packages/auth/dist/index.js'));
const { recruitmentModule } = require(join(repoRoot, 'services/recruitment/dist/recruitment.module.js'));

const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
/** Share of submits the client sends twice with the same key (a retry after a lost response). */
const RETRY_SHARE = 0.1;
const RESULT_READS = Number(process.env.BENCH_RESULT_READS ?? 20);
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const run = randomUUID().slice(0, 8);
const dbName = `kinerja_bench_recruitment_${run}`;
const loadBefore = loadavg();

// Tokens as identity issues them: ES256 over a JWKS endpoint of this process.
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'bench', alg: 'ES256', use: 'sig' }] };
const jwksServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks)));
await new Promise((resolve) => jwksServer.listen(0, '127.0.0.1', () => resolve(undefined)));
const jwksUrl = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (jwksServer.address()).port}/jwks.json`;
const b64 = (/** @type {string | Buffer} */ value) => Buffer.from(value).toString('base64url');
/** @param {{ userId: string; employeeId: string | null; agencyId: string | null; grants: { role: string; agencyId: string | null }[] }} viewer */
function tokenFor(viewer) {
  const now = Math.floor(Date.now() / 1000);
  const header = b64(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: 'bench' }));
  const payload = b64(JSON.stringify({ sub: viewer.userId, iss: 'kinerja-identity', aud: 'kinerja', ...claimsFor(viewer), iat: now, exp: now + 7200 }));
  return `${header}.${payload}.${b64(sign('sha256', Buffer.from(`${header}.${payload}`), { key: privateKey, dsaEncoding: 'ieee-p1363' }))}`;
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;
const logger = createLogger({ name: 'bench', level: 'warn' });
const transport = new InProcessTransport();
const config = loadConfig(recruitmentModule.envSchema, {
  DATABASE_URL: dbUrl.toString(),
  PORT: '0',
  NODE_ENV: 'test',
  JWKS_URL: jwksUrl,
  SEED_DEMO_DATA: 'never',
});
const service = await startService(recruitmentModule, config, logger, { transport });
const url = service.subgraph.graphqlUrl;

/** @param {string} query @param {Record<string, unknown>} variables @param {string} token */
async function gql(query, variables, token) {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return /** @type {{ data?: any; errors?: { message: string }[] }} */ (await response.json());
}
/** @param {{ data?: any; errors?: { message: string }[] }} response @param {string} field */
function ok(response, field) {
  if (response.errors) throw new Error(`${field}: ${JSON.stringify(response.errors)}`);
  return response.data[field];
}
/** @param {number[]} values @param {number} q */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
};

let result;
/** @type {pg.Client | undefined} */
let db;
try {
  const agencyId = randomUUID();
  const hr = tokenFor({ userId: randomUUID(), employeeId: randomUUID(), agencyId, grants: [{ role: 'HR_ADMIN', agencyId }] });
  const province = tokenFor({ userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'PROVINCE_ADMIN', agencyId: null }] });
  const quota = Math.max(1, Math.ceil(APPLICANTS / 1000));
  const formation = ok(
    await gql(
      `mutation ($input: ProposeFormationInput!) { proposeFormation(input: $input) { id } }`,
      {
        input: {
          agencyId,
          orgUnitId: randomUUID(),
          positionTitle: 'Pranata Komputer',
          need: quota,
          currentHolders: 0,
          quota,
          justification: 'Beban kerja benchmark: kebutuhan data.',
        },
      },
      hr,
    ),
    'proposeFormation',
  );
  ok(
    await gql(`mutation ($input: ReviewFormationInput!) { approveFormation(input: $input) { id } }`, { input: { formationId: formation.id } }, province),
    'approveFormation',
  );
  const selection = ok(
    await gql(
      `mutation ($input: CreateSelectionInput!) { createSelection(input: $input) { id } }`,
      {
        input: {
          agencyId,
          code: `BENCH-${run.toUpperCase()}`,
          name: 'Benchmark',
          year: 2027,
          registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
          registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
      hr,
    ),
    'createSelection',
  );
  const vacancy = ok(
    await gql(
      `mutation ($input: PublishVacancyInput!) { publishVacancy(input: $input) { id } }`,
      { input: { formationId: formation.id, selectionId: selection.id, title: 'Pranata Komputer', education: 'S1', minAge: 18, maxAge: 40, documents: [] } },
      hr,
    ),
    'publishVacancy',
  );

  // The applicants, in bulk: registration is not what is measured.
  db = new pg.Client({ connectionString: dbUrl.toString() });
  db.on('error', () => undefined);
  await db.connect();
  const users = Array.from({ length: APPLICANTS }, () => randomUUID());
  for (let from = 0; from < APPLICANTS; from += 5000) {
    const slice = users.slice(from, from + 5000);
    await db.query(
      `INSERT INTO applicant (id, user_id, nik, name, email, birth_date, sex, region_code, created_at)
       SELECT gen_random_uuid(), u, '3273' || lpad((${from} + n)::text, 12, '0'), 'Pelamar ' || (${from} + n), 'p' || (${from} + n) || '@example.id', '1995-05-05', 'MALE', '327302', now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, n)`,
      [slice],
    );
  }

  // Applications, CONCURRENCY clients; a share of them sends the same submit twice at once.
  const APPLY = `mutation ($input: ApplyToVacancyInput!) { applyToVacancy(input: $input) { id } }`;
  const latencies = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < APPLICANTS; i = next++) {
        const token = tokenFor({ userId: users[i], employeeId: null, agencyId: null, grants: [{ role: 'APPLICANT', agencyId: null }] });
        const input = { vacancyId: vacancy.id, idempotencyKey: `bench-${i}-submit` };
        const t0 = performance.now();
        const sends = Math.random() < RETRY_SHARE ? [gql(APPLY, { input }, token), gql(APPLY, { input }, token)] : [gql(APPLY, { input }, token)];
        const responses = await Promise.all(sends);
        latencies.push(performance.now() - t0);
        if (responses.some((r) => r.errors)) failed += 1;
      }
    }),
  );
  const applySeconds = (performance.now() - started) / 1000;
  const { rows: counted } = await db.query(
    `SELECT count(*)::int AS stored, count(DISTINCT applicant_id)::int AS applicants FROM application WHERE selection_id = $1`,
    [selection.id],
  );
  const stored = counted[0].stored;

  // Verification (committee work, not measured): every application qualified; the results announced.
  await db.query(`UPDATE application SET status = 'QUALIFIED', updated_at = now() WHERE selection_id = $1`, [selection.id]);
  ok(
    await gql(
      `mutation ($input: AnnounceResultsInput!) { announceResults(input: $input) { id } }`,
      { input: { selectionId: selection.id, stage: 'ADMINISTRATION' } },
      hr,
    ),
    'announceResults',
  );
  await db.query(
    `UPDATE announcement SET announced_at = announced_at - interval '4 days', objection_closes_at = objection_closes_at - interval '4 days' WHERE selection_id = $1`,
    [selection.id],
  );

  // The SKD export of all of them, imported and ranked.
  const { rows: numbers } = await db.query(`SELECT registration_number FROM application WHERE selection_id = $1`, [selection.id]);
  const step = (/** @type {number} */ max) => 5 * Math.floor((Math.random() * max) / 5);
  const csv = [
    'registration_number,twk,tiu,tkp',
    ...numbers.map((r) => `${r.registration_number},${step(150)},${step(175)},${45 + Math.floor(Math.random() * 181)}`),
  ].join('\n');
  const rankStarted = performance.now();
  const imported = ok(
    await gql(
      `mutation ($input: ImportSkdScoresInput!) { importSkdScores(input: $input) { imported } }`,
      { input: { selectionId: selection.id, csv, skipRejectedRows: false } },
      hr,
    ),
    'importSkdScores',
  );
  ok(
    await gql(`mutation ($input: AnnounceResultsInput!) { announceResults(input: $input) { id } }`, { input: { selectionId: selection.id, stage: 'SKD' } }, hr),
    'announceResults',
  );
  const rankingSeconds = (performance.now() - rankStarted) / 1000;

  // The published results, read by anyone.
  const reads = [];
  for (let i = 0; i < RESULT_READS; i++) {
    const t0 = performance.now();
    ok(
      await gql(`query ($id: ID!) { selectionResults(vacancyId: $id) { stages { stage entries { registrationNumber outcome } } } }`, { id: vacancy.id }, ''),
      'selectionResults',
    );
    reads.push(performance.now() - t0);
  }
  result = {
    applicants: APPLICANTS,
    applicationsPerSec: Math.round((APPLICANTS / applySeconds) * 10) / 10,
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    lost: APPLICANTS - counted[0].applicants,
    duplicated: stored - counted[0].applicants,
    rankingSeconds: Math.round(rankingSeconds * 1000) / 1000,
    resultsP50Ms: quantile(reads, 0.5),
    resultsP95Ms: quantile(reads, 0.95),
    at: new Date().toISOString(),
    notes:
      `recruitment subgraph called directly (no gateway), ${CONCURRENCY} concurrent clients, ${RETRY_SHARE * 100}% of submits sent twice with the same key; ` +
      `${failed} submits answered an error; ${imported.imported} SKD rows imported; applicants inserted in bulk and verification done in SQL (not measured); ` +
      `${cpus().length} cores, load average ${loadBefore.map((l) => l.toFixed(2)).join('/')} before the run` +
      (APPLICANTS < 100_000 ? `; a smoke run of ${APPLICANTS}, not the 100,000 of the issue` : ''),
  };
} finally {
  await db?.end().catch(() => undefined);
  await service.stop();
  await transport.close();
  jwksServer.close();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
}
writeFileSync(join(repoRoot, 'bench', 'results', 'recruitment.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
