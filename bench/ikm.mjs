// @ts-check
// npm run bench:ikm: citizen satisfaction (rule 7) through the gateway. identity, feedback and the
// gateway run as their own processes (as deployed: `node dist/main.js`, PostgreSQL, no broker), the
// gateway trusting one proxy hop (TRUSTED_PROXY_HOPS=1) so that the X-Forwarded-For this client
// sets is each simulated citizen's address, as an ingress would set it.
//
// 1. Submissions: BENCH_RATE citizens a second (open loop, each its own address) for
//    BENCH_SECONDS each fetch a one-time token (citizenSurveyToken) and submit the nine answers
//    (submitPublicFeedback) for one of BENCH_SURVEY_UNITS service units. Accepted per second and
//    the latency of the pair; afterwards the stored responses are counted: lost = accepted answers
//    the aggregates do not hold.
// 2. A flood from one address: BENCH_FLOOD token + submit pairs; the share not accepted.
// 3. OrgUnit.satisfaction: 500 service units holding BENCH_ANSWERS answers (1,000,000) in their
//    month aggregates, seeded with SQL (the setup, not what is measured); then `orgUnit(id) {
//    satisfaction }` through the gateway for random units, p50/p95, and the 500 in one query.
// Writes bench/results/ikm.json.
//
// BENCH_IKM_SMALL=1: a small, short configuration for checking work on a shared machine (150
// citizens/s for 5 s, a flood of 300, 20,000 seeded answers, 100 reads; each still overridable by
// its BENCH_* variable); its figures are printed, never written to bench/results/ikm.json.
// BENCH_CPU_PROF_DIR=dir: identity, feedback and the gateway run with `node --cpu-prof` into dir.
// BENCH_FEEDBACK_MAIN=path: another build of feedback (e.g. /work/main/services/feedback/dist/main.js),
// to compare two builds back to back in the same conditions.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import pg from 'pg';

import { repoRoot } from '../scripts/lib/paths.mjs';
import { httpClient } from './http-client.mjs';
import { machineReferenceMs } from './machine.mjs';

/** The machine's speed before the load (bench/machine.mjs), written with the figures. */
const MACHINE_REFERENCE_MS = machineReferenceMs();

const SMALL = process.env.BENCH_IKM_SMALL === '1';
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF_DIR;
const RATE = Number(process.env.BENCH_RATE ?? (SMALL ? 150 : 750));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMALL ? 5 : 10));
/** Citizens waiting for an answer at most; an arrival beyond it is not offered (counted in the notes), so an overloaded stack is measured, not the client's queue. */
const MAX_IN_FLIGHT = Number(process.env.BENCH_MAX_IN_FLIGHT ?? 256);
const SURVEY_UNITS = Number(process.env.BENCH_SURVEY_UNITS ?? 100);
const FLOOD = Number(process.env.BENCH_FLOOD ?? (SMALL ? 300 : 2000));
const FLOOD_CONCURRENCY = 16;
const UNITS = 500;
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? (SMALL ? 20_000 : 1_000_000));
const READS = Number(process.env.BENCH_READS ?? (SMALL ? 100 : 1000));
const WHOLE_AGENCY_READS = 20;
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const run = randomUUID().slice(0, 8);
const identityDb = `kinerja_bench_ikm_${run}_identity`;
const feedbackDb = `kinerja_bench_ikm_${run}_feedback`;
const loadBefore = loadavg();
const benchStarted = performance.now();
const progress = (/** @type {string} */ step) => process.stderr.write(`[bench:ikm ${((performance.now() - benchStarted) / 1000).toFixed(1)} s] ${step}\n`);
const ELEMENTS = ['REQUIREMENTS', 'PROCEDURE', 'SERVICE_TIME', 'COST', 'PRODUCT', 'STAFF_COMPETENCE', 'STAFF_BEHAVIOUR', 'COMPLAINT_HANDLING', 'FACILITIES'];

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
};
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
const urlOf = (/** @type {string} */ name) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
/** @type {Record<string, import('node:child_process').ChildProcess>} */
const processes = {};
/** CPU seconds a child has used so far (Linux /proc; null elsewhere): the load phase's cost per citizen, whatever else runs on the machine. */
const cpuSecondsOf = (/** @type {{ pid?: number | undefined }} */ child) => {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
};
/** Starts `node <main>` with env and waits for its /readyz. */
async function startProcess(/** @type {string} */ name, /** @type {string} */ main, /** @type {Record<string, string>} */ env, /** @type {number} */ port) {
  const profile = CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR, '--cpu-prof-name', `${name}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...profile, resolve(repoRoot, main)], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      CHECKPOINT_DISABLE: '1',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  processes[name] = child;
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors = (errors + String(chunk)).slice(-4000)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${errors}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready within 120 s:\n${errors}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const { send, close: closeClient } = httpClient();
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${identityDb}"`);
await admin.query(`CREATE DATABASE "${feedbackDb}"`);
const identitySql = new pg.Client({ connectionString: urlOf(identityDb) });
const feedbackSql = new pg.Client({ connectionString: urlOf(feedbackDb) });

let result;
try {
  const [identityPort, feedbackPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  await startProcess(
    'identity',
    'services/identity/dist/main.js',
    { DATABASE_URL: urlOf(identityDb), SEED_DEMO_DATA: 'auto', ACCESS_TOKEN_TTL_SECONDS: '3600' },
    identityPort,
  );
  const jwksUrl = `http://127.0.0.1:${identityPort}/.well-known/jwks.json`;
  await startProcess(
    'feedback',
    process.env.BENCH_FEEDBACK_MAIN ?? 'services/feedback/dist/main.js',
    { DATABASE_URL: urlOf(feedbackDb), JWKS_URL: jwksUrl, SEED_DEMO_DATA: 'never' },
    feedbackPort,
  );
  await startProcess(
    'gateway',
    'gateway/dist/main.js',
    {
      NODE_ENV: 'production',
      // Signs every subgraph call as in production; the subgraphs here run without the secret.
      GATEWAY_SIGNING_SECRET: 'bench-gateway-signing-secret-of-32-characters',
      TRUSTED_PROXY_HOPS: '1',
      SUBGRAPH_IDENTITY_URL: `http://127.0.0.1:${identityPort}/graphql`,
      SUBGRAPH_FEEDBACK_URL: `http://127.0.0.1:${feedbackPort}/graphql`,
    },
    gatewayPort,
  );
  progress('processes ready');
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;

  /** @param {string} query @param {Record<string, unknown>} variables @param {{ token?: string; address?: string }} as */
  async function gql(query, variables, as) {
    const headers = {
      'content-type': 'application/json',
      ...(as.token ? { authorization: `Bearer ${as.token}` } : {}),
      ...(as.address ? { 'x-forwarded-for': as.address } : {}),
    };
    return post(gatewayUrl, { query, variables }, headers);
  }
  /** @param {string} url @param {unknown} body @param {Record<string, string>} headers */
  async function post(url, body, headers) {
    const response = await send(url, JSON.stringify(body), headers);
    try {
      return /** @type {{ data?: any; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] }} */ (JSON.parse(response.text));
    } catch {
      return { errors: [{ message: `HTTP ${response.status} ${response.text.slice(0, 60)}`, extensions: { code: `HTTP_${response.status}` } }] };
    }
  }

  // Setup (not measured): 500 org units of a demo agency in identity, all serving the public in
  // feedback, and ANSWERS answers in their month aggregates of the current year.
  await identitySql.connect();
  await feedbackSql.connect();
  const login = await gql(`mutation { login(input: { email: "admin@kinerja.demo", password: "kinerja-demo" }) { accessToken } }`, {}, { address: '192.0.2.1' });
  const adminToken = login.data?.login?.accessToken;
  if (!adminToken) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
  const { rows: agencies } = await identitySql.query(`SELECT id FROM agency ORDER BY code LIMIT 1`);
  const agencyId = agencies[0].id;
  const { rows: units } = await identitySql.query(
    `INSERT INTO org_unit (id, agency_id, code, name)
     SELECT gen_random_uuid(), $1, 'BENCH-IKM-' || n, 'Unit layanan ' || n FROM generate_series(1, ${UNITS}) AS n RETURNING id`,
    [agencyId],
  );
  const unitIds = units.map((/** @type {{ id: string }} */ row) => row.id);
  await feedbackSql.query(
    `INSERT INTO service_unit (org_unit_id, agency_id, serves_public, changed_at) SELECT u, $2, true, now() FROM unnest($1::uuid[]) AS u`,
    [unitIds, agencyId],
  );
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date());
  // Each unit-month holds ~perCell answers (exactly ANSWERS in all); each element's sum is responses × 2.6–3.8.
  await feedbackSql.query(
    `INSERT INTO satisfaction_aggregate (org_unit_id, month, agency_id, responses, requirements, procedure, service_time, cost, product,
       staff_competence, staff_behaviour, complaint_handling, facilities)
     SELECT u, m, $2, r, (r * (2.6 + random() * 1.2))::int, (r * (2.6 + random() * 1.2))::int, (r * (2.6 + random() * 1.2))::int,
       (r * (2.6 + random() * 1.2))::int, (r * (2.6 + random() * 1.2))::int, (r * (2.6 + random() * 1.2))::int, (r * (2.6 + random() * 1.2))::int,
       (r * (2.6 + random() * 1.2))::int, (r * (2.6 + random() * 1.2))::int
     FROM (SELECT u, $3 || '-' || lpad(mm::text, 2, '0') AS m, ((row_number() OVER ()) * ${ANSWERS} / ${UNITS * 12})::int - (((row_number() OVER ()) - 1) * ${ANSWERS} / ${UNITS * 12})::int AS r
           FROM unnest($1::uuid[]) AS u, generate_series(1, 12) AS mm) cells`,
    [unitIds, agencyId, year],
  );
  const sumResponses = async () => Number((await feedbackSql.query(`SELECT coalesce(sum(responses), 0)::bigint AS n FROM satisfaction_aggregate`)).rows[0].n);
  const seeded = await sumResponses();
  await feedbackSql.query(`ANALYZE`);
  progress(`seeded ${seeded} answers`);

  const TOKEN = `query ($u: ID!) { citizenSurveyToken(orgUnitId: $u) { token } }`;
  const SUBMIT = `mutation ($input: SubmitPublicFeedbackInput!) { submitPublicFeedback(input: $input) { acceptedAt } }`;
  const answers = () => ELEMENTS.map((element) => ({ element, score: 1 + Math.floor(Math.random() * 4) }));
  /** @param {{ message: string; extensions?: { code?: string; reason?: string } }[]} errors */
  const why = (errors) => {
    const [first] = errors;
    const code = first?.extensions?.reason ?? first?.extensions?.code ?? '';
    return code === 'INTERNAL_SERVER_ERROR' || code === '' ? `${code} ${first?.message.replace(/\(request id [^)]*\)/, '').slice(0, 80)}` : code;
  };
  /** Each step's own time (the token's answer, the submit's answer) of the measured citizens: where the latency goes. */
  /** @type {number[]} */
  const tokenTimes = [];
  /** @type {number[]} */
  const submitTimes = [];
  let measuring = false;
  /** One citizen: a token, then the answers. What failed, or null when accepted. */
  async function citizen(/** @type {string} */ address, /** @type {string} */ unitId) {
    const t0 = performance.now();
    const issued = await gql(TOKEN, { u: unitId }, { address });
    const t1 = performance.now();
    if (measuring) tokenTimes.push(t1 - t0);
    if (issued.errors) return { step: 'token', code: why(issued.errors) };
    const submitted = await gql(SUBMIT, { input: { token: issued.data.citizenSurveyToken.token, answers: answers() } }, { address });
    if (measuring) submitTimes.push(performance.now() - t1);
    if (submitted.errors) return { step: 'submit', code: why(submitted.errors) };
    return null;
  }
  // Warm-up (not counted in the figures; counted in the stored answers).
  let warmAccepted = 0;
  for (let i = 0; i < 50; i++) if ((await citizen(`198.18.255.${i}`, unitIds[i % SURVEY_UNITS])) === null) warmAccepted += 1;

  // 1. Open loop: RATE citizens a second, each from its own address, whatever the answers' pace.
  const total = RATE * SECONDS;
  /** @type {number[]} */
  const latencies = [];
  /** @type {Map<string, number>} */
  const refusals = new Map();
  let accepted = 0;
  const started = performance.now();
  /** @type {Promise<void>[]} */
  const inFlight = [];
  let waiting = 0;
  let notOffered = 0;
  const cpuBefore = Object.fromEntries(Object.entries(processes).map(([name, child]) => [name, cpuSecondsOf(child)]));
  // This client's own CPU: it shares the cores with what it measures.
  const clientCpuBefore = process.cpuUsage();
  // PostgreSQL's backends serving feedback (when it runs on this machine): a backend that ends during the load is not counted.
  const feedbackBackends = async () =>
    new Map(
      (await admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [feedbackDb])).rows.map((/** @type {{ pid: number }} */ row) => [
        row.pid,
        cpuSecondsOf({ pid: row.pid }),
      ]),
    );
  const backendsBefore = await feedbackBackends();
  measuring = true;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (performance.now() - started > SECONDS * 1000 + 1000) {
      notOffered += total - i;
      break;
    }
    if (waiting >= MAX_IN_FLIGHT) {
      notOffered += 1;
      continue;
    }
    waiting += 1;
    const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    inFlight.push(
      citizen(address, unitIds[i % SURVEY_UNITS]).then(
        (failure) => {
          waiting -= 1;
          latencies.push(performance.now() - due);
          if (failure === null) accepted += 1;
          else refusals.set(`${failure.step}:${failure.code}`, (refusals.get(`${failure.step}:${failure.code}`) ?? 0) + 1);
        },
        (error) => {
          waiting -= 1;
          latencies.push(performance.now() - due);
          refusals.set(`network:${error.cause?.code ?? error.message}`, (refusals.get(`network:${error.cause?.code ?? error.message}`) ?? 0) + 1);
        },
      ),
    );
  }
  const offeredSeconds = (performance.now() - started) / 1000;
  await Promise.all(inFlight);
  const loadSeconds = (performance.now() - started) / 1000;
  measuring = false;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const clientPerCitizen = `${((clientCpu.user + clientCpu.system) / 1000 / Math.max(1, accepted)).toFixed(1)} ms`;
  const cpuPerCitizen = Object.entries(processes)
    .map(([name, child]) => {
      const [before, after] = [cpuBefore[name], cpuSecondsOf(child)];
      return before === null || after === null ? `${name} ?` : `${name} ${(((after - before) * 1000) / Math.max(1, accepted)).toFixed(1)} ms`;
    })
    .join(', ');
  const backendsAfter = await feedbackBackends();
  const backendSeconds = [...backendsAfter].reduce((total, [pid, after]) => total + (after === null ? Number.NaN : after - (backendsBefore.get(pid) ?? 0)), 0);
  const postgresPerCitizen = Number.isNaN(backendSeconds) ? '?' : `${((backendSeconds * 1000) / Math.max(1, accepted)).toFixed(1)} ms`;
  progress(`load done: ${accepted} accepted`);

  // 2. A flood from one address.
  let floodAccepted = 0;
  let nextFlood = 0;
  await Promise.all(
    Array.from({ length: FLOOD_CONCURRENCY }, async () => {
      for (let i = nextFlood++; i < FLOOD; i = nextFlood++) if ((await citizen('203.0.113.66', unitIds[i % SURVEY_UNITS])) === null) floodAccepted += 1;
    }),
  );

  progress(`flood done: ${floodAccepted} accepted`);
  // Counted afterwards: every accepted answer is in the aggregates, and nothing else is.
  const stored = await sumResponses();
  const storedNew = stored - seeded;
  const expected = warmAccepted + accepted + floodAccepted;
  const { rows: spent } = await feedbackSql.query(`SELECT count(*)::int AS n FROM survey_token WHERE spent_at IS NOT NULL`);

  // 3. OrgUnit.satisfaction through the gateway: one unit per query, then the 500 in one query.
  const ONE = `query ($id: ID!) { orgUnit(id: $id) { id satisfaction { ikm grade responses perElement { element mean } } } }`;
  const ALL = `query ($id: ID!) { agency(id: $id) { orgUnits { id satisfaction { ikm grade responses } } } }`;
  for (let i = 0; i < 50; i++) await gql(ONE, { id: unitIds[i] }, { token: adminToken, address: '192.0.2.2' });
  /** @type {number[]} */
  const reads = [];
  let minResponses = Number.POSITIVE_INFINITY;
  for (let i = 0; i < READS; i++) {
    const id = unitIds[Math.floor(Math.random() * UNITS)];
    const t0 = performance.now();
    const answer = await gql(ONE, { id }, { token: adminToken, address: '192.0.2.2' });
    reads.push(performance.now() - t0);
    const responses = answer.data?.orgUnit?.satisfaction?.responses;
    if (typeof responses !== 'number') throw new Error(`satisfaction: ${JSON.stringify(answer.errors ?? answer.data)}`);
    minResponses = Math.min(minResponses, responses);
  }
  // Where the time goes: the same field from feedback's subgraph directly (_entities, as the gateway asks), and its SQL alone.
  const ENTITY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { satisfaction { ikm grade responses perElement { element mean } } } } }`;
  /** @type {number[]} */
  const direct = [];
  for (let i = 0; i < Math.min(READS, 300); i++) {
    const t0 = performance.now();
    await post(
      `http://127.0.0.1:${feedbackPort}/graphql`,
      { query: ENTITY, variables: { r: [{ __typename: 'OrgUnit', id: unitIds[Math.floor(Math.random() * UNITS)] }] } },
      {
        'content-type': 'application/json',
        authorization: `Bearer ${adminToken}`,
      },
    );
    direct.push(performance.now() - t0);
  }
  /** @type {number[]} */
  const sqlTimes = [];
  for (let i = 0; i < Math.min(READS, 300); i++) {
    const t0 = performance.now();
    await feedbackSql.query(
      `SELECT org_unit_id, sum(responses), sum(requirements), sum(procedure), sum(service_time), sum(cost), sum(product), sum(staff_competence), sum(staff_behaviour), sum(complaint_handling), sum(facilities)
       FROM satisfaction_aggregate WHERE org_unit_id = ANY($1::uuid[]) AND month >= $2 AND month <= $3 GROUP BY org_unit_id`,
      [[unitIds[Math.floor(Math.random() * UNITS)]], `${year}-01`, `${year}-12`],
    );
    sqlTimes.push(performance.now() - t0);
  }
  /** @type {number[]} */
  const wholeReads = [];
  let wholeUnits = 0;
  for (let i = 0; i < WHOLE_AGENCY_READS; i++) {
    const t0 = performance.now();
    const answer = await gql(ALL, { id: agencyId }, { token: adminToken, address: '192.0.2.2' });
    wholeReads.push(performance.now() - t0);
    wholeUnits = (answer.data?.agency?.orgUnits ?? []).filter((/** @type {{ satisfaction: unknown }} */ unit) => unit.satisfaction).length;
  }

  const refused = [...refusals.entries()].map(([what, n]) => `${what} ×${n}`).join(', ') || 'none';
  result = {
    machineReferenceMs: MACHINE_REFERENCE_MS,
    acceptedPerSec: Math.round((accepted / loadSeconds) * 10) / 10,
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    floodRefusedShare: Math.round(((FLOOD - floodAccepted) / FLOOD) * 10_000) / 10_000,
    storedAnswers: stored,
    satisfactionP50Ms: quantile(reads, 0.5),
    satisfactionP95Ms: quantile(reads, 0.95),
    lost: Math.max(0, expected - storedNew),
    at: new Date().toISOString(),
    notes:
      `identity, feedback and the gateway each a process of their own (node dist/main.js, PostgreSQL 15, no broker), the gateway with TRUSTED_PROXY_HOPS=1 ` +
      `and its default anonymous limit (burst 120, 10/s per address), feedback's default survey limits (per address: 10 at once, 10/min; per unit: 600, 6000/min); ` +
      `offered ${RATE} citizens/s open loop for ${SECONDS} s (${total} citizens; ${notOffered} not offered because ${MAX_IN_FLIGHT} were already waiting or the window had passed; offering took ${offeredSeconds.toFixed(1)} s, all answered after ${loadSeconds.toFixed(1)} s), ` +
      `each its own X-Forwarded-For address (the client: node:http on kept-alive sockets with fetch's headers), spread over ${SURVEY_UNITS} service units; a citizen = citizenSurveyToken + submitPublicFeedback through the gateway, ` +
      `latency from its scheduled start to the submit's answer (each step's own answer: token p50 ${quantile(tokenTimes, 0.5)} ms, p95 ${quantile(tokenTimes, 0.95)} ms; submit p50 ${quantile(submitTimes, 0.5)} ms, p95 ${quantile(submitTimes, 0.95)} ms; CPU per accepted citizen: ${cpuPerCitizen}, feedback's PostgreSQL backends ${postgresPerCitizen}, this client ${clientPerCitizen}); ${accepted} accepted, refused or failed: ${refused}; ` +
      `flood: ${FLOOD} citizens from one address, ${FLOOD_CONCURRENCY} at a time, ${floodAccepted} accepted; ` +
      `afterwards the aggregates hold ${storedNew} new responses for ${expected} accepted (50 warm-up), ${spent[0].n} tokens spent; ` +
      `satisfaction: ${UNITS} service units, ${seeded} answers seeded with SQL into month aggregates of ${year} (setup, not measured), ` +
      `${READS} sequential orgUnit(id){satisfaction} queries through the gateway (identity then feedback), each unit ≥ ${minResponses} responses; ` +
      `profile of one unit's satisfaction: feedback's subgraph directly (_entities) p50 ${quantile(direct, 0.5)} ms, p95 ${quantile(direct, 0.95)} ms; its aggregate SQL alone (sum over 12 month rows) p50 ${quantile(sqlTimes, 0.5)} ms, p95 ${quantile(sqlTimes, 0.95)} ms; the rest is the gateway's plan and two hops (identity's orgUnit, feedback's _entities); ` +
      `the ${wholeUnits} units in one agency(id){orgUnits{satisfaction}} query: p50 ${quantile(wholeReads, 0.5)} ms, p95 ${quantile(wholeReads, 0.95)} ms; ` +
      `${cpus().length} cores shared with other sessions, load average ${loadBefore.map((l) => l.toFixed(2)).join('/')} before the run`,
  };
} finally {
  closeClient();
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
  await identitySql.end().catch(() => undefined);
  await feedbackSql.end().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS "${identityDb}" WITH (FORCE)`);
  await admin.query(`DROP DATABASE IF EXISTS "${feedbackDb}" WITH (FORCE)`);
  await admin.end();
}
// A small run checks work in progress; only the full configuration is the benchmark's result.
if (SMALL) progress('BENCH_IKM_SMALL=1: bench/results/ikm.json left as it was');
else writeFileSync(join(repoRoot, 'bench', 'results', 'ikm.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
