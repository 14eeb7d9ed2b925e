// @ts-check
// npm run bench:recruitment: one selection at volume on the real recruitment service (its HTTP
// GraphQL endpoint, verifier, use cases, Prisma and PostgreSQL) behind the real gateway.
// BENCH_APPLICANTS applicants (100,000 by default) apply THROUGH THE GATEWAY with client retries
// that reuse the idempotency key (a share of submits is sent twice at once); the SKD export of all
// of them is imported and ranked (importSkdScores + announceResults SKD); then the published results
// are read through the gateway, page after page (selectionResults … entries(first, after)).
// Writes bench/results/recruitment.json.
//
// Applicants are inserted in bulk (registration is not what is measured), and verification marks
// every application qualified in one statement. The SKD import goes to the subgraph directly, so
// that its seconds are recruitment's own (the gateway lets it through as well, up to MAX_BODY_BYTES:
// gateway/src/edge-limits.plugin.ts; not measured here).
// BENCH_APPLY_SECONDS (default 480) bounds the application phase: if the machine cannot take all
// applicants in that time, the run goes on with those who applied and says so in `notes`.
// BENCH_SMALL=1 runs a small configuration for checking work on a shared machine (10,000 applicants,
// a 20 s application window, 40 result pages; each still overridable by its own variable) and
// prints its figures without writing bench/results/recruitment.json, which holds full runs only.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { repoRoot } from '../scripts/lib/paths.mjs';
import { machineReferenceMs } from './machine.mjs';

/** The machine's speed before the load (bench/machine.mjs), written with the figures. */
const MACHINE_REFERENCE_MS = machineReferenceMs();

const require = createRequire(import.meta.url);
const { loadConfig } = require(join(repoRoot, 'packages/config/dist/index.js'));
const { createLogger } = require(join(repoRoot, 'packages/logger/dist/index.js'));
const { InProcessTransport } = require(join(repoRoot, 'packages/messaging/dist/index.js'));
const { startService } = require(join(repoRoot, 'packages/service-kit/dist/index.js'));
const { claimsFor } = require(join(repoRoot, 'packages/auth/dist/index.js'));
const { recruitmentModule } = require(join(repoRoot, 'services/recruitment/dist/recruitment.module.js'));
const { startGateway } = require(join(repoRoot, 'gateway/dist/gateway.js'));
const { loadGatewayConfig } = require(join(repoRoot, 'gateway/dist/env.js'));

const SMALL = process.env.BENCH_SMALL === '1';
const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? (SMALL ? 10_000 : 100_000));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
/** Share of submits the client sends twice with the same key (a retry after a lost response). */
const RETRY_SHARE = 0.1;
const RESULT_PAGES = Number(process.env.BENCH_RESULT_PAGES ?? (SMALL ? 40 : 200));
const PAGE_SIZE = 50;
const APPLY_SECONDS = Number(process.env.BENCH_APPLY_SECONDS ?? (SMALL ? 20 : 480));
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
const subgraphUrl = service.subgraph.graphqlUrl;
// The gateway as it runs, with the anonymous rate limit off: the result pages are read anonymously
// from one address here, where in the field they come from many.
const gateway = await startGateway(
  loadGatewayConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: '0',
    SUBGRAPH_RECRUITMENT_URL: subgraphUrl,
    ANONYMOUS_RATE_LIMIT_PER_SECOND: '0',
  }),
  logger,
);
const url = gateway.url.endsWith('/graphql') ? gateway.url : `${gateway.url.replace(/\/$/, '')}/graphql`;

/** @param {string} query @param {Record<string, unknown>} variables @param {string} token @param {string} [target] */
async function gql(query, variables, token, target = url) {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(target, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
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

  // Applications through the gateway, CONCURRENCY clients; a share of them sends the same submit
  // twice at once (a retry after a lost response); both answers must name the same application.
  const APPLY = `mutation ($input: ApplyToVacancyInput!) { applyToVacancy(input: $input) { id } }`;
  /** @type {number[]} */
  const latencies = [];
  let failed = 0;
  let answeredTwice = 0;
  let retried = 0;
  let next = 0;
  let sent = 0;
  /** @type {Set<number>} */
  const acknowledged = new Set();
  const started = performance.now();
  const deadline = started + APPLY_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < APPLICANTS && performance.now() < deadline; i = next++) {
        const token = tokenFor({ userId: users[i], employeeId: null, agencyId: null, grants: [{ role: 'APPLICANT', agencyId: null }] });
        const input = { vacancyId: vacancy.id, idempotencyKey: `bench-${i}-submit` };
        sent += 1;
        const twice = Math.random() < RETRY_SHARE;
        if (twice) retried += 1;
        const t0 = performance.now();
        const responses = await Promise.all(twice ? [gql(APPLY, { input }, token), gql(APPLY, { input }, token)] : [gql(APPLY, { input }, token)]);
        latencies.push(performance.now() - t0);
        if (responses.some((r) => r.errors)) failed += 1;
        else {
          acknowledged.add(i);
          if (new Set(responses.map((r) => r.data.applyToVacancy.id)).size > 1) answeredTwice += 1;
        }
      }
    }),
  );
  const attempted = sent;
  const applySeconds = (performance.now() - started) / 1000;
  const { rows: counted } = await db.query(
    `SELECT count(*)::int AS stored, count(DISTINCT applicant_id)::int AS applicants FROM application WHERE selection_id = $1`,
    [selection.id],
  );
  const stored = counted[0].stored;
  // Lost: a submit the service acknowledged that is not stored.
  const { rows: storedUsers } = await db.query(`SELECT p.user_id FROM application a JOIN applicant p ON p.id = a.applicant_id WHERE a.selection_id = $1`, [
    selection.id,
  ]);
  const storedSet = new Set(storedUsers.map((/** @type {{ user_id: string }} */ r) => r.user_id));
  const lost = [...acknowledged].filter((i) => !storedSet.has(/** @type {string} */ (users[i]))).length;

  // Those who did not get to apply within the time bound are put in by SQL, so that the import,
  // the ranking and the result pages run over the whole selection (after lost/duplicated are counted).
  const { rowCount: filledIn } = await db.query(
    `WITH start AS (SELECT last_sequence FROM selection WHERE id = $1)
     INSERT INTO application (id, agency_id, selection_id, vacancy_id, applicant_id, registration_number, idempotency_key, status, submitted_at, updated_at)
     SELECT gen_random_uuid(), $2, $1, $3, p.id, $4 || '-' || lpad((start.last_sequence + row_number() OVER (ORDER BY p.id))::text, 6, '0'),
            'bench-bulk-' || p.id, 'SUBMITTED', now(), now()
     FROM applicant p CROSS JOIN start
     WHERE NOT EXISTS (SELECT 1 FROM application a WHERE a.applicant_id = p.id AND a.selection_id = $1)`,
    [selection.id, agencyId, vacancy.id, `BENCH-${run.toUpperCase()}`],
  );
  await db.query(`UPDATE selection SET last_sequence = (SELECT count(*) FROM application WHERE selection_id = $1) WHERE id = $1`, [selection.id]);

  // Verification (committee work, not measured): every application qualified; the results announced.
  await db.query(`UPDATE application SET status = 'QUALIFIED', updated_at = now() WHERE selection_id = $1`, [selection.id]);
  ok(
    await gql(
      `mutation ($input: AnnounceResultsInput!) { announceResults(input: $input) { id } }`,
      { input: { selectionId: selection.id, stage: 'ADMINISTRATION' } },
      hr,
      subgraphUrl,
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
      subgraphUrl,
    ),
    'importSkdScores',
  );
  const importSeconds = (performance.now() - rankStarted) / 1000;
  ok(
    await gql(
      `mutation ($input: AnnounceResultsInput!) { announceResults(input: $input) { id } }`,
      { input: { selectionId: selection.id, stage: 'SKD' } },
      hr,
      subgraphUrl,
    ),
    'announceResults',
  );
  const rankingSeconds = (performance.now() - rankStarted) / 1000;

  // The published SKD results, read by anyone through the gateway, a page after the other.
  const PAGE = `query ($id: ID!, $first: Int!, $after: String) {
    selectionResults(vacancyId: $id) { stages { stage entries(first: $first, after: $after) { nodes { registrationNumber name outcome rank skdTotal } hasNextPage endCursor } } }
  }`;
  /** @type {number[]} */
  const reads = [];
  /** @type {string | null} */
  let after = null;
  let listed = 0;
  for (let i = 0; i < RESULT_PAGES; i++) {
    const t0 = performance.now();
    const results = ok(await gql(PAGE, { id: vacancy.id, first: PAGE_SIZE, after }, ''), 'selectionResults');
    reads.push(performance.now() - t0);
    const skd = results.stages.find((/** @type {{ stage: string }} */ s) => s.stage === 'SKD').entries;
    listed += skd.nodes.length;
    after = skd.hasNextPage ? skd.endCursor : null;
  }
  result = {
    machineReferenceMs: MACHINE_REFERENCE_MS,
    applicants: APPLICANTS,
    applicationsPerSec: Math.round((attempted / applySeconds) * 10) / 10,
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    lost,
    duplicated: stored - counted[0].applicants,
    rankingSeconds: Math.round(rankingSeconds * 1000) / 1000,
    resultsP50Ms: quantile(reads, 0.5),
    resultsP95Ms: quantile(reads, 0.95),
    at: new Date().toISOString(),
    notes:
      `applications through the gateway (${CONCURRENCY} concurrent clients, ${retried} of ${attempted} submits sent twice at once with the same key, ` +
      `${answeredTwice} pairs answered different applications); ${failed} submits answered an error; ${stored} applications stored; ` +
      `${imported.imported} SKD rows imported and announced (ranked set-based in SQL) straight at the subgraph (the gateway caps bodies of anything but evidence uploads at 64 KiB); ` +
      `the import took ${importSeconds.toFixed(1)} s and the SKD announcement (ranking) ${(rankingSeconds - importSeconds).toFixed(1)} s; ` +
      `${reads.length} result pages of ${PAGE_SIZE} read anonymously through the gateway (anonymous rate limit off), ${listed} lines; ` +
      `applicants inserted in bulk and verification done in SQL (not measured); ` +
      `${cpus().length} cores shared with other sessions, load average ${loadBefore.map((l) => l.toFixed(2)).join('/')} before the run` +
      (attempted < APPLICANTS
        ? `; the application phase stopped after ${APPLY_SECONDS} s with ${attempted} of ${APPLICANTS} applicants through the gateway (the largest measured here; the per-second and latency figures are of those), ` +
          `the other ${filledIn} applications were inserted in SQL so that import, ranking and result pages ran over all ${APPLICANTS}`
        : '') +
      (APPLICANTS < 100_000 ? `; a run of ${APPLICANTS}, not the 100,000 of the issue` : '') +
      (SMALL ? `; a small run (BENCH_SMALL=1, ${APPLY_SECONDS} s application window), not written to bench/results` : ''),
  };
} finally {
  await db?.end().catch(() => undefined);
  await gateway.stop();
  await service.stop();
  await transport.close();
  jwksServer.close();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
}
if (!SMALL) writeFileSync(join(repoRoot, 'bench', 'results', 'recruitment.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
