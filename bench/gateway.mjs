// @ts-check
// npm run bench:gateway: the project's gateway beside Hive Gateway as shipped, over the same running
// subgraphs, the same committed supergraph and the same tokens, on the supervisor's team dashboard.
//
// Two modes, measured the same way:
// - separate processes: each subgraph's built dist/main.js on its own database of the machine's
//   PostgreSQL, events over a Kafka broker of this run (scripts/kafka.mjs start-extra), so that the
//   copies in performance, feedback and development fill as in production; the demo province
//   (identity's seed) and its demo activity (embedded/dist/seed-demo-activity.js, through the graph);
// - embedded: `npm start`'s one process (five subgraphs on PGlite, in-process events) on a fresh
//   data directory, its own gateway unused.
// In each, both gateways run as processes of their own in front of the subgraphs. Before any load
// both must answer the dashboard identically for every supervisor (every employee with someone
// reporting to them, logged in by NIP). Then, alternating the gateways, an identical mix (one
// supervisor's token on every request) and a distinct mix (each request the next supervisor's
// token) at BENCH_CONNECTIONS connections; and at one connection the dashboard through each gateway
// and the very subgraph calls our gateway makes for it, called directly, for the federation overhead.
// Writes bench/results/gateway.json.
import { fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { startExtraBroker, stopExtraBroker } from '../scripts/kafka.mjs';
import { repoRoot } from '../scripts/lib/paths.mjs';
import { machineReferenceMs } from './machine.mjs';

/** The machine's speed before the load (bench/machine.mjs), written with the figures. */
const MACHINE_REFERENCE_MS = machineReferenceMs();

/** Production gateways must sign their subgraph calls (GATEWAY_SIGNING_SECRET). */
const SIGNING_SECRET = 'bench-gateway-signing-secret-of-32-characters';

const require = createRequire(import.meta.url);
const { createLogger } = require(join(repoRoot, 'packages/logger/dist/index.js'));
const { seedDemoActivity } = require(join(repoRoot, 'embedded/dist/seed-demo-activity.js'));

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Seconds of each load segment; each gateway gets ROUNDS segments per mix, alternated with the other. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const SINGLE_SECONDS = Number(process.env.BENCH_SINGLE_SECONDS ?? 4);
const MODES = (process.env.BENCH_MODES ?? 'separate,embedded').split(',');
/** Extra environment for our gateway (e.g. NODE_OPTIONS), to compare variants. */
const OURS_ENV = JSON.parse(process.env.BENCH_OURS_ENV ?? '{}');
/** Our gateway runs as its image runs it: the NODE_OPTIONS of the Dockerfile's gateway stage (its heap budget). */
const IMAGE_NODE_OPTIONS = /FROM runtime-base AS gateway[\s\S]*?NODE_OPTIONS=(\S+)/.exec(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'))?.[1] ?? '';
/**
 * Profiling knobs (a small run that writes nothing): BENCH_HIVE=0 leaves Hive Gateway out (no parity
 * check, no Hive load), BENCH_MIXES=distinct picks the mixes, BENCH_ONE_CONNECTION=0 skips the
 * federation overhead, BENCH_WRITE=0 does not write bench/results/gateway.json, BENCH_CPU_PROF_DIR
 * starts every subgraph and our gateway with `node --cpu-prof` into that directory. Every run prints
 * the CPU milliseconds per dashboard of each process over our gateway's distinct-mix segments.
 */
const WITH_HIVE = process.env.BENCH_HIVE !== '0';
const MIXES = (process.env.BENCH_MIXES ?? 'identical,distinct').split(',');
const ONE_CONNECTION = process.env.BENCH_ONE_CONNECTION !== '0';
const WRITE = process.env.BENCH_WRITE !== '0';
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF_DIR;
const profiled = () => (CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : []);
/** @type {Record<string, number>} pid of each process started with startProcess, by name */
const processPids = {};
/** User + system CPU time of a process, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(/** @type {number} */ pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
/** Plus the PostgreSQL backends serving this run's databases (pg_stat_activity), as `postgres`. */
const cpuSnapshot = async () => {
  /** @type {Record<string, number>} */
  const snapshot = Object.fromEntries(Object.entries(processPids).map(([name, pid]) => [name, cpuMs(pid)]));
  const own = process.cpuUsage();
  snapshot['load generator'] = (own.user + own.system) / 1000;
  try {
    const backends = await admin.query(`SELECT pid FROM pg_stat_activity WHERE datname LIKE $1`, [`kinerja_bench_gw_${run}_%`]);
    for (const { pid } of backends.rows) snapshot[`postgres ${pid}`] = cpuMs(Number(pid));
  } catch {
    // another machine's PostgreSQL: its processes are not ours to read
  }
  return snapshot;
};
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const run = randomUUID().slice(0, 8);
const loadBefore = loadavg();
const SUPERGRAPH = join(repoRoot, 'gateway', 'supergraph.graphql');
const HIVE_BIN = join(repoRoot, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
const HIVE_CONFIG = join(repoRoot, 'bench', 'hive-gateway.config.mjs');
const REGISTRY = /** @type {{ subgraphs: { name: string; port: number; workspace: string }[] }} */ (
  JSON.parse(readFileSync(join(repoRoot, 'gateway', 'subgraphs.json'), 'utf8'))
).subgraphs;
const YEAR = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

/** test/e2e/team-dashboard.e2e.test.ts's query. */
const DASHBOARD = `query TeamDashboard($year: Int!) { me { id name subordinates {
  id name nip employmentType position { title } orgUnit { name }
  performancePlans { id status period { year } } latestAssessment { predikat kind }
  feedbackRequests { cycleId group subject { id name } dueDate } lastDialogue { kind status summary recordedBy { id } }
  trainingAssignments(status: ASSIGNED) { id reason sourceEventId program { code jpHours } } learningHours(year: $year) { completed required remaining }
} } }`;
const DASHBOARD_BODY = JSON.stringify({ query: DASHBOARD, variables: { year: YEAR }, operationName: 'TeamDashboard' });

/** @type {(() => Promise<void>)[]} undone in reverse at the end, whatever happens */
const cleanup = [];
const benchStart = Date.now();
const log = (/** @type {string} */ line) => process.stdout.write(`[${((Date.now() - benchStart) / 1000).toFixed(0)} s] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Processes, ports, memory
// ---------------------------------------------------------------------------------------------

async function freePort() {
  const server = createNetServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/** @param {import('node:child_process').ChildProcess} child */
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return exited.then(() => clearTimeout(timer));
}

/**
 * A Node process that says `{ type: 'ready', url }` over IPC when it serves (runStandalone, gateway main.ts).
 * @param {string} name @param {string} script @param {Record<string, string>} env @param {string[]} [execArgv]
 */
async function startProcess(name, script, env, execArgv = []) {
  const child = fork(script, [], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv });
  if (child.pid) processPids[name] = child.pid;
  let stderr = '';
  const keep = (/** @type {Buffer} */ chunk) => (stderr = (stderr + String(chunk)).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  cleanup.push(() => stopChild(child));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 300 s\n${stderr}`)), 300_000);
    child.on('message', (/** @type {any} */ message) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        resolve(String(message.url));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code})\n${stderr}`));
    });
  });
  return { child, url: /** @type {string} */ (url) };
}

/** Resident memory of a process and its descendants, in MiB (Linux /proc). */
function treeRssMiB(/** @type {number} */ pid) {
  const children = (/** @type {number} */ p) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const rss = (/** @type {number} */ p) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = /** @type {number} */ (stack.pop());
    total += rss(p);
    stack.push(...children(p));
  }
  return total;
}

/** Peak resident memory of a process tree, sampled every 100 ms while it runs. */
function watchPeakRss(/** @type {number} */ pid) {
  const watch = { peakMiB: 0 };
  const timer = setInterval(() => (watch.peakMiB = Math.max(watch.peakMiB, treeRssMiB(pid))), 100);
  timer.unref();
  cleanup.push(async () => clearInterval(timer));
  return watch;
}

// ---------------------------------------------------------------------------------------------
// HTTP: one-off requests and the load generator
// ---------------------------------------------------------------------------------------------

/** @param {string} url @param {string} query @param {Record<string, unknown>} variables @param {string} [token] */
async function gql(url, query, variables = {}, token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return /** @type {{ data?: any; errors?: { message: string }[] }} */ (await response.json());
}

/** @param {string} url */
async function untilAnswers(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const body = await gql(url, '{ __typename }');
      if (body.data?.__typename) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer { __typename } within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) => (sorted.length === 0 ? null : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10);

/**
 * Keeps `connections` requests in flight for `seconds` on keep-alive sockets; every answer must be
 * a 200 without `errors` (counted otherwise). Latencies in ms.
 * @param {{ url: string; connections: number; seconds: number; next: (i: number) => { body: string; headers: Record<string, string> } }} options
 */
async function load({ url, connections, seconds, next }) {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  /** @type {number[]} */
  const latencies = [];
  let errors = 0;
  let firstError = '';
  let issued = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const one = (/** @type {{ body: string; headers: Record<string, string> }} */ request) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
        },
        (res) => {
          /** @type {Buffer[]} */
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200 || text.includes('"errors"')) {
              errors += 1;
              firstError ||= `${res.statusCode} ${text.slice(0, 300)}`;
            } else latencies.push(performance.now() - t0);
            resolve(undefined);
          });
        },
      );
      req.on('error', (error) => {
        errors += 1;
        firstError ||= error.message;
        resolve(undefined);
      });
      req.end(request.body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) await one(next(issued++));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, errors, firstError, elapsed };
}

/** @param {{ latencies: number[]; errors: number; firstError: string; elapsed: number }[]} segments */
function summarize(segments) {
  const latencies = segments.flatMap((segment) => segment.latencies).sort((a, b) => a - b);
  const elapsed = segments.reduce((sum, segment) => sum + segment.elapsed, 0);
  const errors = segments.reduce((sum, segment) => sum + segment.errors, 0);
  return {
    rps: Math.round((latencies.length / elapsed) * 10) / 10,
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    requests: latencies.length,
    errors,
    ...(errors > 0 ? { firstError: segments.find((segment) => segment.firstError)?.firstError } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The subgraph calls of one dashboard: recorded once through our gateway, replayed directly
// ---------------------------------------------------------------------------------------------

/**
 * Starts a recording proxy per subgraph and our gateway (in this process) on them, asks the
 * dashboard once, and returns the subgraph calls in the order they started, grouped into stages
 * (a call that started before every call of the stage before had ended belongs to that stage).
 * @param {Record<string, string>} subgraphUrls @param {string} token
 */
async function recordSubgraphCalls(subgraphUrls, token) {
  /** @type {{ subgraph: string; url: string; headers: Record<string, string>; body: string; start: number; end: number }[]} */
  const calls = [];
  /** @type {import('node:http').Server[]} */
  const proxies = [];
  /** @type {Record<string, string>} */
  const proxied = {};
  for (const [name, url] of Object.entries(subgraphUrls)) {
    const server = createServer((req, res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = {
          'content-type': 'application/json',
          authorization: String(req.headers.authorization ?? ''),
          'x-request-id': String(req.headers['x-request-id'] ?? ''),
        };
        const call = { subgraph: name, url, headers, body, start: performance.now(), end: 0 };
        const response = await fetch(url, { method: 'POST', headers, body });
        const text = await response.text();
        call.end = performance.now();
        calls.push(call);
        res.writeHead(response.status, { 'content-type': 'application/json' }).end(text);
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    proxies.push(server);
    proxied[`SUBGRAPH_${name.toUpperCase()}_URL`] = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/graphql`;
  }
  const { loadGatewayConfig } = require(join(repoRoot, 'gateway/dist/env.js'));
  const { startGateway } = require(join(repoRoot, 'gateway/dist/gateway.js'));
  const gateway = await startGateway(
    loadGatewayConfig({ NODE_ENV: 'production', GATEWAY_SIGNING_SECRET: SIGNING_SECRET, LOG_LEVEL: 'silent', PORT: '0', ...proxied }),
    createLogger({ name: 'bench', level: 'silent' }),
  );
  try {
    const body = await gql(`${gateway.url}/graphql`, DASHBOARD, { year: YEAR }, token);
    if (body.errors) throw new Error(`recording: ${JSON.stringify(body.errors)}`);
  } finally {
    await gateway.stop();
    for (const server of proxies) server.close();
  }
  calls.sort((a, b) => a.start - b.start);
  /** @type {(typeof calls)[]} */
  const stages = [];
  for (const call of calls) {
    const last = stages.at(-1);
    if (last && call.start < Math.max(...last.map((c) => c.end))) last.push(call);
    else stages.push([call]);
  }
  return stages;
}

/**
 * Each recorded call alone, one at a time, `samples` times; the critical path is the sum over the
 * stages of each stage's slowest median.
 * @param {Awaited<ReturnType<typeof recordSubgraphCalls>>} stages
 */
async function criticalPath(stages, seconds) {
  const calls = stages.flat();
  /** @type {Map<object, number[]>} */
  const times = new Map(calls.map((call) => [call, []]));
  const until = performance.now() + seconds * 1000;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  while (performance.now() < until) {
    for (const call of calls) {
      const target = new URL(call.url);
      const t0 = performance.now();
      await new Promise((resolve, reject) => {
        const req = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            agent,
            headers: { ...call.headers, 'content-length': Buffer.byteLength(call.body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(undefined));
          },
        );
        req.on('error', reject);
        req.end(call.body);
      });
      times.get(call)?.push(performance.now() - t0);
    }
  }
  agent.destroy();
  const median = (/** @type {object} */ call) =>
    /** @type {number} */ (
      quantile(
        [...(times.get(call) ?? [])].sort((a, b) => a - b),
        0.5,
      )
    );
  return {
    ms: Math.round(stages.reduce((sum, stage) => sum + Math.max(...stage.map(median)), 0) * 10) / 10,
    stages: stages.map((stage) => stage.map((call) => ({ subgraph: call.subgraph, p50Ms: median(call) }))),
  };
}

// ---------------------------------------------------------------------------------------------
// One mode: gateways over given subgraphs
// ---------------------------------------------------------------------------------------------

/**
 * @param {string} mode
 * @param {Record<string, string>} subgraphUrls  by subgraph name
 * @param {string[]} supervisorNips
 */
async function measureMode(mode, subgraphUrls, supervisorNips) {
  const identityUrl = /** @type {string} */ (subgraphUrls['identity']);
  /** @type {string[]} */
  let tokens = [];
  let loggedInAt = 0;
  // Access tokens live 60 s where the bench cannot set ACCESS_TOKEN_TTL_SECONDS (the embedded
  // mode): every phase starts with tokens younger than 30 s, so none expires within it.
  const freshTokens = async () => {
    if (Date.now() - loggedInAt < 30_000) return;
    /** @type {string[]} */
    const next = [];
    for (const nip of supervisorNips) {
      const body = await gql(identityUrl, 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: { nip, password: 'kinerja-demo' },
      });
      if (!body.data?.login) throw new Error(`${mode}: login of ${nip} failed: ${JSON.stringify(body.errors)}`);
      next.push(body.data.login.accessToken);
    }
    tokens = next;
    loggedInAt = Date.now();
  };

  // The committed supergraph with the URLs of this run's subgraphs: Hive reads its subgraph URLs
  // from the file; ours is given the same ones as SUBGRAPH_<NAME>_URL.
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-bench-gateway-'));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  let supergraph = readFileSync(SUPERGRAPH, 'utf8');
  for (const entry of REGISTRY) {
    supergraph = supergraph.replaceAll(`"http://127.0.0.1:${entry.port}/graphql"`, `"${subgraphUrls[entry.name]}"`);
  }
  const supergraphFile = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphFile, supergraph);

  const ours = await startProcess(
    'our gateway',
    join(repoRoot, 'gateway', 'dist', 'main.js'),
    {
      NODE_ENV: 'production',
      // Ours signs every subgraph call as in production (one HMAC each); the subgraphs run in test
      // mode without the secret, so that Hive Gateway, which cannot sign, reaches them too.
      GATEWAY_SIGNING_SECRET: SIGNING_SECRET,
      LOG_LEVEL: 'warn',
      PORT: String(await freePort()),
      SUPERGRAPH_PATH: supergraphFile,
      NODE_OPTIONS: IMAGE_NODE_OPTIONS,
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url])),
      ...OURS_ENV,
    },
    profiled(),
  );
  const hivePort = await freePort();
  const hiveChild = spawn(
    process.execPath,
    WITH_HIVE
      ? [HIVE_BIN, 'supergraph', supergraphFile, '--fork', '1', '--port', String(hivePort), '--host', '127.0.0.1', '--config-path', HIVE_CONFIG]
      : ['-e', 'setInterval(() => undefined, 1e6)'],
    {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let hiveErr = '';
  hiveChild.stderr?.on('data', (chunk) => (hiveErr = (hiveErr + String(chunk)).slice(-4000)));
  cleanup.push(() => stopChild(hiveChild));
  const gateways = {
    ours: { url: `${ours.url}/graphql`, pid: /** @type {number} */ (ours.child.pid) },
    hive: { url: `http://127.0.0.1:${hivePort}/graphql`, pid: /** @type {number} */ (hiveChild.pid) },
  };
  await untilAnswers(gateways.ours.url);
  if (WITH_HIVE)
    await untilAnswers(gateways.hive.url).catch((error) => {
      throw new Error(`${error.message}\n${hiveErr}`);
    });
  const peaks = { ours: watchPeakRss(gateways.ours.pid), hive: watchPeakRss(gateways.hive.pid) };

  // Both answer every supervisor's dashboard, and identically.
  await freshTokens();
  let members = 0;
  for (const [i, token] of tokens.entries()) {
    const a = await gql(gateways.ours.url, DASHBOARD, { year: YEAR }, token);
    const b = WITH_HIVE ? await gql(gateways.hive.url, DASHBOARD, { year: YEAR }, token) : a;
    if (a.errors || !a.data?.me) throw new Error(`${mode}: our gateway's dashboard for ${supervisorNips[i]}: ${JSON.stringify(a.errors)}`);
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      throw new Error(
        `${mode}: the gateways answer ${supervisorNips[i]}'s dashboard differently:\nours ${JSON.stringify(a).slice(0, 600)}\nhive ${JSON.stringify(b).slice(0, 600)}`,
      );
    }
    members += a.data.me.subordinates.length;
  }
  log(`${mode}: both gateways answer the dashboard identically for ${tokens.length} supervisors (${members} team members)`);

  const headersOf = (/** @type {string} */ token) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const mixes = {
    identical: () => ({ body: DASHBOARD_BODY, headers: headersOf(/** @type {string} */ (tokens[0])) }),
    distinct: (/** @type {number} */ i) => ({ body: DASHBOARD_BODY, headers: headersOf(/** @type {string} */ (tokens[i % tokens.length])) }),
  };
  /** @type {Record<string, Record<string, Awaited<ReturnType<typeof load>>[]>>} */
  const segments = { identical: { ours: [], hive: [] }, distinct: { ours: [], hive: [] } };
  /** @type {Record<string, number>} CPU ms of each process over our distinct-mix segments */
  const distinctCpuMs = {};
  for (const [mix, next] of Object.entries(mixes)) {
    if (!MIXES.includes(mix)) continue;
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternated, and the order swapped every round, so neither always follows the other.
      const order = round % 2 === 0 ? /** @type {const} */ (['ours', 'hive']) : /** @type {const} */ (['hive', 'ours']);
      for (const name of order) {
        if (name === 'hive' && !WITH_HIVE) continue;
        await freshTokens();
        await load({ url: gateways[name].url, connections: CONNECTIONS, seconds: WARMUP_SECONDS, next });
        const before = await cpuSnapshot();
        segments[mix]?.[name]?.push(await load({ url: gateways[name].url, connections: CONNECTIONS, seconds: SECONDS, next }));
        if (mix === 'distinct' && name === 'ours') {
          for (const [process, ms] of Object.entries(await cpuSnapshot())) {
            // A backend that started during the segment counts from zero; one that ended is not seen.
            const name = process.startsWith('postgres ') ? 'postgres' : process;
            distinctCpuMs[name] = (distinctCpuMs[name] ?? 0) + ms - (before[process] ?? 0);
          }
        }
      }
    }
  }
  const figures = {
    identical: { ours: summarize(segments.identical?.ours ?? []), hive: summarize(segments.identical?.hive ?? []) },
    distinct: { ours: summarize(segments.distinct?.ours ?? []), hive: summarize(segments.distinct?.hive ?? []) },
  };
  const cpuMsPerDashboard = Object.fromEntries(
    Object.entries(distinctCpuMs).map(([process, ms]) => [process, Math.round((ms / Math.max(1, figures.distinct.ours.requests)) * 100) / 100]),
  );
  log(`${mode}: ours, distinct mix: ${JSON.stringify(figures.distinct.ours)}; CPU ms per dashboard: ${JSON.stringify(cpuMsPerDashboard)}`);

  // One connection: the dashboard through each gateway, and its subgraph calls made directly.
  const oneConnection = async (/** @type {string} */ url) => {
    await freshTokens();
    return summarize([await load({ url, connections: 1, seconds: SINGLE_SECONDS, next: mixes.identical })]);
  };
  const noFigures = summarize([]);
  const single = ONE_CONNECTION
    ? { ours: await oneConnection(gateways.ours.url), hive: WITH_HIVE ? await oneConnection(gateways.hive.url) : noFigures }
    : { ours: noFigures, hive: noFigures };
  await freshTokens();
  const stages = ONE_CONNECTION ? await recordSubgraphCalls(subgraphUrls, /** @type {string} */ (tokens[0])) : [];
  const path = ONE_CONNECTION ? await criticalPath(stages, SINGLE_SECONDS) : { ms: 0, stages: [] };
  const peakMiB = { ours: Math.round(peaks.ours.peakMiB), hive: Math.round(peaks.hive.peakMiB) };
  await Promise.all([stopChild(ours.child), stopChild(hiveChild)]);

  const ratio = (/** @type {number | null} */ a, /** @type {number | null} */ b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
  return {
    identicalRatio: ratio(figures.identical.ours.rps, figures.identical.hive.rps),
    distinctRatio: ratio(figures.distinct.ours.rps, figures.distinct.hive.rps),
    memoryRatio: ratio(peakMiB.ours, peakMiB.hive),
    overhead: ratio(single.ours.p50Ms, path.ms),
    dashboardRpsDistinct: figures.distinct.ours.rps,
    oursRps: { identical: figures.identical.ours.rps, distinct: figures.distinct.ours.rps },
    hiveRps: { identical: figures.identical.hive.rps, distinct: figures.distinct.hive.rps },
    detail: {
      cpuMsPerDashboard,
      supervisors: tokens.length,
      teamMembers: members,
      connections: CONNECTIONS,
      secondsPerGatewayAndMix: SECONDS * ROUNDS,
      load: figures,
      peakRssMiB: peakMiB,
      oneConnection: { ours: single.ours, hive: single.hive, hiveOverhead: ratio(single.hive.p50Ms, path.ms), subgraphCriticalPath: path },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The subgraphs: separate processes on PostgreSQL, or the embedded process
// ---------------------------------------------------------------------------------------------

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const databaseUrl = (/** @type {string} */ name) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** @param {string} url @param {string} sql @param {unknown[]} [params] */
async function queryDatabase(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** @param {() => Promise<boolean>} condition @param {number} timeoutMs @param {string} what */
async function waitFor(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const SUPERVISORS_SQL = `SELECT DISTINCT boss.nip FROM employee boss
  JOIN position staff_position ON staff_position.supervisor_position_id = boss.position_id
  JOIN employee staff ON staff.position_id = staff_position.id
  ORDER BY boss.nip`;

async function separateProcesses() {
  // It needs two ports in a row (the controller listens on the next one).
  let broker;
  for (let attempt = 0; !broker; attempt += 1) {
    try {
      broker = await startExtraBroker({ port: await freePort(), log: () => undefined });
    } catch (error) {
      if (attempt >= 10 || !/not free/.test(String(error))) throw error;
    }
  }
  cleanup.push(() => stopExtraBroker(broker.dataDir));
  log(`broker of this run on ${broker.brokers.join(',')}`);
  /** @type {Record<string, string>} */
  const databases = {};
  for (const entry of REGISTRY) {
    const name = `kinerja_bench_gw_${run}_${entry.name}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    databases[entry.name] = databaseUrl(name);
    cleanup.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  }
  const common = { NODE_ENV: 'test', LOG_LEVEL: 'warn', KAFKA_BROKERS: broker.brokers.join(','), SEED_DEMO_DATA: 'auto', ACCESS_TOKEN_TTL_SECONDS: '7200' };
  const [identityEntry, ...others] = REGISTRY;
  if (identityEntry?.name !== 'identity') throw new Error('gateway/subgraphs.json must list identity first');
  const script = (/** @type {{ workspace: string }} */ entry) => join(repoRoot, entry.workspace, 'dist', 'main.js');
  const identity = await startProcess(
    'identity',
    script(identityEntry),
    {
      ...common,
      PORT: String(await freePort()),
      DATABASE_URL: /** @type {string} */ (databases.identity),
    },
    profiled(),
  );
  const jwks = new URL('/.well-known/jwks.json', identity.url).toString();
  // One after the other, and once more if a start fails: on a busy 2-core machine Prisma's
  // transactions of several seeds at once time out waiting for a connection.
  /** @type {[string, string][]} */
  const started = [];
  for (const entry of others) {
    const env = { ...common, DATABASE_URL: /** @type {string} */ (databases[entry.name]), JWKS_URL: jwks };
    const start = async () => (await startProcess(entry.name, script(entry), { ...env, PORT: String(await freePort()) }, profiled())).url;
    started.push([entry.name, await start().catch(start)]);
  }
  /** @type {Record<string, string>} */
  const subgraphUrls = { identity: identity.url, ...Object.fromEntries(started) };
  log('subgraphs started');
  const employees = Number((await queryDatabase(/** @type {string} */ (databases.identity), 'SELECT count(*) AS n FROM employee'))[0].n);
  for (const name of ['performance', 'feedback', 'development']) {
    await waitFor(
      async () => Number((await queryDatabase(/** @type {string} */ (databases[name]), 'SELECT count(*) AS n FROM employee_copy'))[0].n) >= employees,
      90_000,
      `${name}'s copy of ${employees} employees`,
    );
  }
  log('copies complete');
  // The demo activity (plans, assessments, trainings) through a gateway of ours, as npm start does.
  const hrs = await queryDatabase(/** @type {string} */ (databases.identity), `SELECT email FROM user_account WHERE email LIKE 'hr.%' ORDER BY email`);
  const { loadGatewayConfig } = require(join(repoRoot, 'gateway/dist/env.js'));
  const { startGateway } = require(join(repoRoot, 'gateway/dist/gateway.js'));
  const seeding = await startGateway(
    loadGatewayConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([n, u]) => [`SUBGRAPH_${n.toUpperCase()}_URL`, u])),
    }),
    createLogger({ name: 'bench', level: 'silent' }),
  );
  let activity = 'the demo activity (plans, assessments, trainings) recorded through the graph';
  try {
    await seedDemoActivity(
      `${seeding.url}/graphql`,
      hrs.map((row) => ({ role: 'HR_ADMIN', login: row.email })),
    );
    // development's trainings arrive from performance's events.
    await waitFor(
      async () => Number((await queryDatabase(/** @type {string} */ (databases.development), 'SELECT count(*) AS n FROM training_assignment'))[0].n) > 0,
      60_000,
      "development's trainings of the demo assessments",
    );
  } catch (error) {
    // A convenience, as in npm start: the dashboard is measured on the seeded province all the same.
    activity = `no demo activity (${error instanceof Error ? error.message.slice(0, 160) : String(error)}): the seeded province only`;
    log(activity);
  } finally {
    await seeding.stop();
  }
  const supervisorNips = (await queryDatabase(/** @type {string} */ (databases.identity), SUPERVISORS_SQL)).map((row) => String(row.nip));
  return { subgraphUrls, supervisorNips, activity };
}

/** @param {string[]} supervisorNips the demo seed is the same in both modes: the same NIPs */
async function embeddedProcess(supervisorNips) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-bench-embedded-'));
  cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const offset = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [join(repoRoot, 'embedded', 'dist', 'main.js')], {
    cwd: repoRoot,
    env: { ...process.env, KINERJA_DATA_DIR: dataDir, KINERJA_PORT_OFFSET: String(offset), LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanup.push(() => stopChild(child));
  // From here on the CPU per dashboard counts the embedded process, not the separate ones (idle now).
  for (const name of Object.keys(processPids)) if (name !== 'our gateway') delete processPids[name];
  if (child.pid) processPids['embedded (five subgraphs)'] = child.pid;
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  await waitFor(async () => /Demo activity/.test(output) || child.exitCode !== null, 180_000, 'the embedded start and its demo activity');
  if (child.exitCode !== null || !/Demo activity \(/.test(output)) throw new Error(`the embedded start failed:\n${output}`);
  const subgraphUrls = Object.fromEntries(REGISTRY.map((entry) => [entry.name, `http://127.0.0.1:${entry.port + offset}/graphql`]));
  return { subgraphUrls, supervisorNips, pid: /** @type {number} */ (child.pid) };
}

// ---------------------------------------------------------------------------------------------

/** @type {Record<string, any>} */
const results = {};
let failure;
try {
  let nips = /** @type {string[]} */ ([]);
  if (MODES.includes('separate')) {
    log('separate processes: broker, five subgraphs on PostgreSQL, demo data …');
    const separate = await separateProcesses();
    nips = separate.supervisorNips;
    results.separate = { data: separate.activity, ...(await measureMode('separate', separate.subgraphUrls, nips)) };
    log(JSON.stringify(results.separate));
  }
  if (MODES.includes('embedded')) {
    if (nips.length === 0) throw new Error('the embedded mode takes the supervisors from the separate mode: run both');
    log('embedded: one process, five subgraphs on PGlite …');
    try {
      const embedded = await embeddedProcess(nips);
      results.embedded = await measureMode('embedded', embedded.subgraphUrls, nips);
      log(JSON.stringify(results.embedded));
    } catch (error) {
      // The separate processes' figures are the main ones: they are written all the same.
      if (!results.separate) throw error;
      results.embedded = { failed: error instanceof Error ? error.message.slice(0, 400) : String(error) };
    }
  }
} catch (error) {
  failure = error;
} finally {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  await admin.end();
}
if (failure) {
  process.stderr.write(`bench:gateway failed: ${failure instanceof Error ? failure.stack : String(failure)}\n`);
  process.exit(1);
}

const main = results.separate ?? results.embedded;
const growthFile = join(repoRoot, 'bench', 'results', 'growth.json');
const growth = existsSync(growthFile) ? JSON.parse(readFileSync(growthFile, 'utf8')).growth100kOver1k : undefined;
const output = {
  identicalRatio: main.identicalRatio,
  distinctRatio: main.distinctRatio,
  memoryRatio: main.memoryRatio,
  overhead: main.overhead,
  dashboardRpsDistinct: main.dashboardRpsDistinct,
  oursRps: main.oursRps,
  hiveRps: main.hiveRps,
  ...(growth === undefined ? {} : { growth100kOver1k: growth }),
  machineReferenceMs: MACHINE_REFERENCE_MS,
  at: new Date().toISOString(),
  notes: [
    `Team dashboard (test/e2e/team-dashboard.e2e.test.ts's query) for ${main.detail.supervisors} demo supervisors (every employee someone reports to), ${CONNECTIONS} connections, ${SECONDS * ROUNDS} s per gateway and mix, gateways alternated; top-level figures: separate processes on PostgreSQL.`,
    'identical: one supervisor token on every request; distinct: each request the next supervisor token. Ratios are ours ÷ Hive Gateway 2.15.1 (defaults, --fork 1, propagateHeaders for authorization and x-request-id: bench/hive-gateway.config.mjs).',
    'memoryRatio: peak resident memory of each gateway process tree over the whole run. overhead: our p50 at one connection ÷ the critical path of the subgraph calls it makes for the dashboard (each called directly at one connection, the slowest of each stage summed).',
    `Both gateways and the subgraphs share the machine (${cpus().length} cores) with the load generator; load average before the run ${loadBefore.map((n) => n.toFixed(2)).join(' ')}.`,
    `Our gateway ran as its image runs it, with NODE_OPTIONS=${IMAGE_NODE_OPTIONS} (Dockerfile, gateway stage: its heap budget).`,
    ...(Object.keys(OURS_ENV).length > 0 ? [`Our gateway ran with ${JSON.stringify(OURS_ENV)}.`] : []),
  ],
  separate: results.separate,
  embedded: results.embedded,
};
if (WRITE) writeFileSync(join(repoRoot, 'bench', 'results', 'gateway.json'), `${JSON.stringify(output, null, 2)}\n`);
log(JSON.stringify(output, null, 2));
process.exit(0);
