// @ts-check
// npm start: the whole graph on embedded defaults. Every subgraph runs as its own process with its
// own embedded PostgreSQL (PGlite) under .data/<service>/, then the gateway on port 4000.
//   npm start -- --fresh        start over with new demo data
//   IDENTITY_DATABASE_URL=...   run that subgraph on a real PostgreSQL instead
import { fork } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './lib/paths.mjs';
import { subgraphs as listSubgraphs } from './lib/subgraphs.mjs';

const fresh = process.argv.includes('--fresh');
// KINERJA_DATA_DIR and KINERJA_PORT_OFFSET let a test (or a second copy) run beside the default one.
const dataDir = process.env.KINERJA_DATA_DIR ?? join(repoRoot, '.data');
const portOffset = Number(process.env.KINERJA_PORT_OFFSET ?? 0);
const logDir = join(dataDir, 'logs');
const startedAt = Date.now();
const gatewayPort = 4000 + portOffset;

/** @type {{ name: string; child: import('node:child_process').ChildProcess }[]} */
const running = [];

const subgraphs = () => listSubgraphs().map((entry) => ({ ...entry, port: entry.port + portOffset }));
const localUrl = (/** @type {{ port: number }} */ entry) => `http://127.0.0.1:${entry.port}/graphql`;

if (fresh) for (const entry of subgraphs()) rmSync(join(dataDir, entry.name), { recursive: true, force: true });
mkdirSync(logDir, { recursive: true });

/**
 * Starts a process and resolves with its URL once it reports ready over IPC.
 * @param {string} name @param {string} script @param {Record<string, string>} env
 * @returns {Promise<string>}
 */
function launch(name, script, env) {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = fork(script, [], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  running.push({ name, child });
  child.stdout?.pipe(log);
  child.stderr?.on('data', (chunk) => process.stderr.write(`[${name}] ${chunk}`));
  return new Promise((resolve, reject) => {
    child.on('message', (message) => {
      const ready = /** @type {{ type?: string; url?: string }} */ (message);
      if (ready.type === 'ready') resolve(ready.url ?? '');
    });
    child.on('exit', (code) => {
      reject(new Error(`${name} exited with code ${code} (log: ${join(logDir, `${name}.log`)})`));
      if (!stopping) void stopAll(1);
    });
  });
}

let stopping = false;
/** Stops the gateway first, then the subgraphs, each waiting for a clean exit. */
async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const { name, child } of [...running].reverse()) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    process.stdout.write(`stopped ${name}\n`);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

const DEMO_ACCOUNTS = [
  ['province admin', 'admin@kinerja.demo'],
  ['auditor', 'auditor@kinerja.demo'],
  ['applicant', 'pelamar@kinerja.demo'],
  ['HR admin (one per agency)', 'hr.<agency>@kinerja.demo'],
  ['agency head', 'head.<agency>@kinerja.demo'],
  ['supervisor', 'supervisor.<agency>@kinerja.demo'],
  ['employee', 'employee.<agency>@kinerja.demo'],
  ['selection committee', 'panitia.<agency>@kinerja.demo'],
];

try {
  const entries = subgraphs();
  const urls = await Promise.all(
    entries.map((entry) =>
      launch(entry.name, join(repoRoot, entry.workspace, 'dist', 'main.js'), {
        PORT: String(entry.port),
        DATA_DIR: dataDir,
        ...(process.env[`${entry.name.toUpperCase()}_DATABASE_URL`] ? { DATABASE_URL: String(process.env[`${entry.name.toUpperCase()}_DATABASE_URL`]) } : {}),
        JWKS_URL: `http://127.0.0.1:${entries.find((e) => e.name === 'identity')?.port ?? 4001}/.well-known/jwks.json`,
      }),
    ),
  );
  const subgraphEnv = Object.fromEntries(entries.map((entry) => [`SUBGRAPH_${entry.name.toUpperCase()}_URL`, localUrl(entry)]));
  const gatewayUrl = await launch('gateway', join(repoRoot, 'gateway', 'dist', 'main.js'), { ...subgraphEnv, PORT: String(gatewayPort) });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `Kinerja is up in ${seconds} s — GraphiQL and the graph at ${gatewayUrl.replace('127.0.0.1', 'localhost')}/`,
      ...entries.map((entry, i) => `  subgraph ${entry.name.padEnd(12)} ${urls[i]}`),
      `  data in ${dataDir}, logs in ${logDir}`,
      '',
      'Demo accounts (password "kinerja-demo"; employees also log in by NIP).',
      '<agency> is siulak, muaratebo, tanjungpinang, sawahlunto, kotalama or demo (the province):',
      ...DEMO_ACCOUNTS.map(([role, login]) => `  ${String(role).padEnd(26)} ${login}`),
      '',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  await stopAll(1);
}
