// @ts-check
// npm run bench:growth: do identity's reads cost the same with 1,000 and with 100,000 employees in
// one agency? identity alone on the machine's PostgreSQL, over HTTP as the gateway calls it: every
// list, search and page of `employees(...)` timed at both sizes. Writes bench/results/growth.json
// with `growth100kOver1k` (the worst 100k ÷ 1k ratio of the p50s), the p50s, `at` and `notes`.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
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
const { identityModule } = require(join(repoRoot, 'services/identity/dist/identity.module.js'));
const { identityEnvSchema } = require(join(repoRoot, 'services/identity/dist/env.js'));
const { encodeCursor } = require(join(repoRoot, 'services/identity/dist/application/cursor.js'));

const SIZES = [1_000, 100_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 8;
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const loadBefore = loadavg();
const logger = createLogger({ name: 'bench', level: 'warn' });

const FIRST = [
  'Budi',
  'Siti',
  'Agus',
  'Dewi',
  'Hendra',
  'Rina',
  'Joko',
  'Sri',
  'Bambang',
  'Ani',
  'Eko',
  'Wati',
  'Rudi',
  'Lestari',
  'Yusuf',
  'Indah',
  'Ahmad',
  'Putri',
  'Dedi',
  'Ratna',
];
const LAST = [
  'Santoso',
  'Wijaya',
  'Hidayat',
  'Pratama',
  'Kusuma',
  'Saputra',
  'Nugroho',
  'Setiawan',
  'Lubis',
  'Siregar',
  'Harahap',
  'Simanjuntak',
  'Gunawan',
  'Rahmawati',
  'Susanto',
  'Wibowo',
  'Halim',
  'Utomo',
  'Purba',
  'Nasution',
];

const PAGE = `query ($filter: EmployeeFilterInput, $after: String) {
  employees(filter: $filter, first: 20, after: $after) { edges { cursor node { id nip name } } pageInfo { hasNextPage endCursor } }
}`;
const COUNTED = `query ($filter: EmployeeFilterInput) { employees(filter: $filter, first: 20) { totalCount edges { node { id } } } }`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();

/**
 * identity on a database of its own holding one agency of `size` employees: names from 20 × 20
 * common Indonesian names plus a number, NIPs of 18 digits (birth year first), drawn independently
 * by a hash of the row number, so that both sizes have the same mix. Seeded with one bulk INSERT, then analysed.
 * @param {number} size
 */
async function setUp(size) {
  const dbName = `kinerja_bench_growth_${randomUUID().slice(0, 8)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const config = loadConfig(identityEnvSchema, { DATABASE_URL: url.toString(), PORT: '0', NODE_ENV: 'test', ACCESS_TOKEN_TTL_SECONDS: '3600' });
  const service = await startService(identityModule, config, logger, { transport: new InProcessTransport() });
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const agencyId = randomUUID();
  const unitId = randomUUID();
  await db.query(`INSERT INTO agency (id, code, name, kind) VALUES ($1, 'BENCH', 'Pemerintah Kota Bench', 'CITY')`, [agencyId]);
  await db.query(`INSERT INTO org_unit (id, agency_id, code, name) VALUES ($1, $2, 'SETDA', 'Sekretariat Daerah')`, [unitId, agencyId]);
  await db.query(
    `INSERT INTO employee (id, agency_id, nip, name, employment_type, org_unit_id, status)
     SELECT gen_random_uuid(), $1, (1960 + abs(hashint4(g * 3)) % 40)::text || lpad(g::text, 14, '0'),
            ($3::text[])[1 + abs(hashint4(g)) % 20] || ' ' || ($4::text[])[1 + abs(hashint4(g + 1000003)) % 20] || ' ' || g,
            'PNS', $2, 'ACTIVE'
     FROM generate_series(1, $5::int) g`,
    [agencyId, unitId, FIRST, LAST, size],
  );
  await db.query('VACUUM ANALYZE employee');
  const { token } = await service.wiring.tokens.issueAccessToken({
    userId: randomUUID(),
    employeeId: null,
    agencyId,
    grants: [{ role: 'HR_ADMIN', agencyId }],
  });

  /** @param {string} query @param {Record<string, unknown>} variables */
  async function gql(query, variables) {
    const response = await fetch(service.subgraph.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = /** @type {{ data?: any, errors?: unknown[] }} */ (await response.json());
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }

  /** The cursor of the row just before 0-based `offset` in (name, id) order, as the API hands it out. */
  const cursorBefore = async (/** @type {number} */ offset) => {
    const { rows } = await db.query(`SELECT name, id::text FROM employee WHERE agency_id = $1 ORDER BY name, id OFFSET $2 LIMIT 1`, [agencyId, offset - 1]);
    return encodeCursor({ name: rows[0].name, id: rows[0].id });
  };
  const filter = { agencyId };
  const [page50, deep] = [await cursorBefore(49 * 20), await cursorBefore(size >= 100_000 ? 95_000 : size - 20)];
  const { rows: person } = await db.query(`SELECT nip FROM employee WHERE agency_id = $1 ORDER BY id LIMIT 1`, [agencyId]);
  /** @type {Record<string, () => Promise<unknown>>} */
  const queries = {
    firstPage: () => gql(PAGE, { filter }),
    page50: () => gql(PAGE, { filter, after: page50 }),
    deepPage: () => gql(PAGE, { filter, after: deep }),
    nipPrefixBirthYear: () => gql(PAGE, { filter: { ...filter, search: '1987' } }),
    nipPrefixPerson: () => gql(PAGE, { filter: { ...filter, search: person[0].nip.slice(0, 16) } }),
    nameSurname: () => gql(PAGE, { filter: { ...filter, search: 'Santoso' } }),
    nameFull: () => gql(PAGE, { filter: { ...filter, search: 'Budi Santoso' } }),
    nameSearchPage2: async () => {
      const first = await gql(PAGE, { filter: { ...filter, search: 'Santoso' } });
      return gql(PAGE, { filter: { ...filter, search: 'Santoso' }, after: first.employees.pageInfo.endCursor });
    },
    // Counting reads every match by nature: measured, but paid only when a client selects totalCount.
    totalCount: () => gql(COUNTED, { filter }),
  };
  const plan = async () =>
    (
      await db.query(`EXPLAIN SELECT id FROM employee e WHERE e.agency_id = $1 AND (e.name, e.id) > ('Budi', $1) ORDER BY e.name, e.id LIMIT 21`, [agencyId])
    ).rows
      .map((row) => row['QUERY PLAN'])
      .join(' / ');
  const tearDown = async () => {
    await service.stop();
    await db.end();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  };
  return { queries, plan, tearDown };
}

const median = (/** @type {number[]} */ times) => Number(([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0).toFixed(3));
const timed = async (/** @type {() => Promise<unknown>} */ run) => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const [small, large] = [await setUp(SIZES[0] ?? 1_000), await setUp(SIZES[1] ?? 100_000)];
/** @type {Record<string, number>} */
const smallP50 = {};
/** @type {Record<string, number>} */
const largeP50 = {};
let largePlan = '';
try {
  // The two sizes alternate run by run, so that the load of a shared machine falls on both alike.
  for (const name of Object.keys(small.queries)) {
    const [runSmall, runLarge] = [/** @type {() => Promise<unknown>} */ (small.queries[name]), /** @type {() => Promise<unknown>} */ (large.queries[name])];
    for (let i = 0; i < WARMUP; i++) await Promise.all([runSmall(), runLarge()]);
    const [a, b] = [/** @type {number[]} */ ([]), /** @type {number[]} */ ([])];
    for (let i = 0; i < RUNS; i++) {
      a.push(await timed(runSmall));
      b.push(await timed(runLarge));
    }
    smallP50[name] = median(a);
    largeP50[name] = median(b);
    process.stdout.write(`${name}: ${smallP50[name]} ms at 1k, ${largeP50[name]} ms at 100k\n`);
  }
  largePlan = await large.plan();
} finally {
  await small.tearDown();
  await large.tearDown();
  await admin.end();
}

/** @type {Record<string, number>} */
const ratios = {};
for (const name of Object.keys(smallP50)) if (name !== 'totalCount') ratios[name] = Number(((largeP50[name] ?? 0) / (smallP50[name] ?? 1)).toFixed(3));
const worst = Object.entries(ratios).sort((x, y) => y[1] - x[1])[0] ?? ['-', 0];
const { totalCount: countSmall, ...listSmall } = smallP50;
const { totalCount: countLarge, ...listLarge } = largeP50;
const out = {
  growth100kOver1k: worst[1],
  p50Ms: { '1k': listSmall, '100k': listLarge },
  ratios,
  at: new Date().toISOString(),
  notes:
    `identity alone on PostgreSQL over HTTP (one HR_ADMIN token), one agency of 1,000 and one of 100,000 employees in two databases, ` +
    `pages of 20 in (name, id) order; p50 of ${RUNS} runs per size, the sizes alternating run by run, after ${WARMUP} warm-up. ` +
    `Worst ratio: ${worst[0]}. deepPage is the last page at 1k and row 95,000 at 100k; nameSearchPage2 is two requests (first page, then after its cursor). ` +
    `totalCount is counted only when selected (an exact count reads every match): ${countSmall} ms at 1k, ${countLarge} ms at 100k, not in the ratio. ` +
    `Plan of a keyset page at 100k: ${largePlan}. Machine: ${cpus().length} cores shared, load ${loadBefore.map((l) => l.toFixed(2)).join('/')} at start.`,
};
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench', 'results', 'growth.json'), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
