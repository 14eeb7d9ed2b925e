// @ts-check
// npm run bench:import: the bulk import of employees (issue 17) at volume on the real identity
// service (its HTTP GraphQL endpoint, use cases, set-based repository and PostgreSQL).
// A regency with BENCH_IMPORT_ROWS posts (10,000 by default: a Sekda, one head per unit of 200 and
// "Pelaksana" posts sharing one title, none of them with a supervisor yet) receives a CSV of as many
// employees: the dry run (startEmployeeImport, polled with employeeImport like the uploader's
// screen) and the commit (commitEmployeeImport) are timed apart; the same file is then imported
// again (it must change nothing) and a file with 1% of the rows changed. Writes bench/results/import.json.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
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
const { seedDemoData } = require(join(repoRoot, 'services/identity/dist/seed/seed-demo-data.js'));
const { ScryptPasswordHasher } = require(join(repoRoot, 'services/identity/dist/infrastructure/scrypt-password-hasher.js'));

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const UNIT_SIZE = 200;
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = `kinerja_bench_import_${randomUUID().slice(0, 8)}`;
const loadBefore = loadavg();

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${dbName}`;
const config = loadConfig(identityModule.envSchema, { DATABASE_URL: dbUrl.toString(), PORT: '0', NODE_ENV: 'test', SEED_DEMO_DATA: 'never' });
const service = await startService(identityModule, config, createLogger({ name: 'bench', level: 'warn' }), { transport: new InProcessTransport() });
const url = service.subgraph.graphqlUrl;

/** @param {string} query @param {Record<string, unknown>} variables @param {string} [token] */
async function gql(query, variables, token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = /** @type {{ data?: any; errors?: unknown[] }} */ (await response.json());
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

let result;
try {
  // The province admin of the demo data signs in; the bench's regency is added beside the demo ones.
  await seedDemoData(service.prisma, new ScryptPasswordHasher());
  const token = (
    await gql(`mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { email: 'admin@kinerja.demo', password: 'kinerja-demo' } })
  ).login.accessToken;
  const sql = new pg.Client({ connectionString: dbUrl.toString() });
  await sql.connect();
  const province = (await sql.query(`SELECT id FROM agency WHERE kind = 'PROVINCE' LIMIT 1`)).rows[0].id;
  const agencyId = randomUUID();
  await sql.query(`INSERT INTO agency (id, code, name, kind, parent_id) VALUES ($1, 'KAB-BENCH', 'Pemerintah Kabupaten Bench', 'REGENCY', $2)`, [
    agencyId,
    province,
  ]);
  const root = randomUUID();
  await sql.query(`INSERT INTO org_unit (id, agency_id, code, name) VALUES ($1, $2, 'SETDA', 'Sekretariat Daerah')`, [root, agencyId]);
  const units = Math.ceil((ROWS - 1) / UNIT_SIZE);
  /** @type {{ id: string; unit: string; code: string; title: string; supervisor: string }[]} */
  const posts = [{ id: randomUUID(), unit: root, code: 'SETDA', title: 'Sekretaris Daerah', supervisor: '' }];
  for (let u = 0; u < units; u += 1) {
    const unitId = randomUUID();
    const code = `UNIT-${String(u + 1).padStart(3, '0')}`;
    await sql.query(`INSERT INTO org_unit (id, agency_id, parent_id, code, name) VALUES ($1, $2, $3, $4, $5)`, [
      unitId,
      agencyId,
      root,
      code,
      `Unit Kerja ${u + 1}`,
    ]);
    for (let j = 0; j < UNIT_SIZE && posts.length < ROWS; j += 1) {
      const head = `Kepala Unit Kerja ${u + 1}`;
      posts.push({ id: randomUUID(), unit: unitId, code, title: j === 0 ? head : 'Pelaksana', supervisor: j === 0 ? 'Sekretaris Daerah' : head });
    }
  }
  await sql.query(
    `INSERT INTO position (id, agency_id, org_unit_id, title) SELECT r.id, $2, r.unit, r.title FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, unit uuid, title text)`,
    [JSON.stringify(posts), agencyId],
  );

  // NIPs: birth 1970-1980 + month/day, appointment 22 years later, sex, a sequence: unique per row.
  const nip = (/** @type {number} */ i) => {
    const year = 1970 + Math.floor(i / 999);
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    return `${year}${month}${day}${year + 22}${month}${(i % 2) + 1}${String((i % 999) + 1).padStart(3, '0')}`;
  };
  const file = (/** @type {(i: number) => string} */ rankOf) =>
    Buffer.from(
      [
        'NIP;Nama;Jenis;Golongan;Jabatan;Unit Kerja;Jabatan Atasan;E-mail',
        ...posts.map((post, i) =>
          [
            nip(i),
            `Pegawai Bench ${i + 1}`,
            i % 7 === 0 ? 'PPPK' : 'PNS',
            rankOf(i),
            post.title,
            post.code,
            post.supervisor,
            `pegawai${i + 1}@bench.go.id`,
          ].join(';'),
        ),
      ].join('\r\n'),
      'utf8',
    );
  const JOB = `id status totalRows processedRows validRows invalidRows createdCount updatedCount unchangedCount failure problems { row code }`;
  /** Polls like the uploader's screen; returns the settled job and the progress values seen while it ran. */
  const settle = async (/** @type {string} */ id) => {
    const seen = new Set();
    for (;;) {
      const job = (await gql(`query ($id: ID!) { employeeImport(id: $id) { ${JOB} } }`, { id }, token)).employeeImport;
      if (job.status !== 'CHECKING' && job.status !== 'COMMITTING') return { job, seen: [...seen] };
      seen.add(`${job.status}:${job.processedRows}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const importFile = async (/** @type {Buffer} */ content) => {
    const t0 = performance.now();
    const started = (
      await gql(
        `mutation ($input: StartEmployeeImportInput!) { startEmployeeImport(input: $input) { ${JOB} } }`,
        {
          input: { agencyId, fileName: 'pegawai.csv', contentBase64: content.toString('base64') },
        },
        token,
      )
    ).startEmployeeImport;
    const checked = await settle(started.id);
    const t1 = performance.now();
    if (checked.job.invalidRows > 0) throw new Error(`unexpected invalid rows: ${JSON.stringify(checked.job.problems.slice(0, 5))}`);
    await gql(`mutation ($input: CommitEmployeeImportInput!) { commitEmployeeImport(input: $input) { id } }`, { input: { importId: started.id } }, token);
    const committed = await settle(started.id);
    const t2 = performance.now();
    if (committed.job.status !== 'COMMITTED') throw new Error(`commit ended ${committed.job.status}: ${committed.job.failure}`);
    return { dryRunSeconds: (t1 - t0) / 1000, commitSeconds: (t2 - t1) / 1000, job: committed.job, progress: [...checked.seen, ...committed.seen] };
  };
  const counts = async () => {
    const row = (
      await sql.query(
        `SELECT (SELECT count(*) FROM employee)::int AS employees, (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM outbox_event)::int AS outbox`,
      )
    ).rows[0];
    return row;
  };

  const content = file(() => 'III/a');
  const before = await counts();
  const first = await importFile(content);
  const afterFirst = await counts();
  const again = await importFile(content);
  const afterAgain = await counts();
  const changed = await importFile(file((i) => (i % 100 === 0 ? 'III/b' : 'III/a')));
  await sql.end();
  const round = (/** @type {number} */ n) => Math.round(n * 1000) / 1000;
  const load = loadBefore.map((n) => n.toFixed(2)).join('/');
  result = {
    rows: ROWS,
    seconds: round(first.dryRunSeconds + first.commitSeconds),
    dryRunSeconds: round(first.dryRunSeconds),
    commitSeconds: round(first.commitSeconds),
    fileBytes: content.length,
    reimport: {
      seconds: round(again.dryRunSeconds + again.commitSeconds),
      unchanged: again.job.unchangedCount,
      writes: { audit: afterAgain.audit - afterFirst.audit, outbox: afterAgain.outbox - afterFirst.outbox },
    },
    changedRows: { seconds: round(changed.dryRunSeconds + changed.commitSeconds), updated: changed.job.updatedCount, unchanged: changed.job.unchangedCount },
    at: new Date().toISOString(),
    notes:
      `${ROWS} employees in one CSV (${(content.length / 1e6).toFixed(2)} MB, ';'-separated) sent base64 to identity's subgraph (startEmployeeImport), polled every 100 ms with employeeImport; ` +
      `dry run ${first.dryRunSeconds.toFixed(2)} s, commit ${first.commitSeconds.toFixed(2)} s (created ${first.job.createdCount}, ${afterFirst.employees - before.employees} employee rows, ` +
      `${afterFirst.audit - before.audit} audit rows, ${afterFirst.outbox - before.outbox} outbox rows incl. the audit relay's; every post also gets its supervisor set); ` +
      `progress seen while it ran: ${first.progress.join(', ') || 'none (too quick for the poll)'}; ` +
      `the same file again: ${again.job.unchangedCount} unchanged, ${afterAgain.audit - afterFirst.audit} audit and ${afterAgain.outbox - afterFirst.outbox} outbox rows written; ` +
      `1% of rows with a new rank: ${changed.job.updatedCount} updated; ` +
      `${cpus().length} cores shared with other sessions, load average ${load} before the run`,
  };
} finally {
  await service.stop();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
}
writeFileSync(join(repoRoot, 'bench', 'results', 'import.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
