// @ts-check
/**
 * Local single-node Apache Kafka 3.9.x (KRaft, combined broker+controller) for development and tests.
 *
 *   node scripts/kafka.mjs start | stop | status      (npm run kafka:start | kafka:stop | kafka:status)
 *   node scripts/kafka.mjs start-extra <port>         a fresh broker in a new temp dir; prints {brokers,dataDir,pid}
 *   node scripts/kafka.mjs stop-extra <dataDir>       stops that broker and deletes its dir
 *
 * or from Node: `import { ensureKafka, stopKafka, kafkaStatus, startExtraBroker, stopExtraBroker } from './kafka.mjs'`.
 *
 * The broker jars are resolved by Maven from tools/kafka/pom.xml and stay in ~/.m2; only a classpath
 * file (list of ~/.m2 paths) is cached, in <repo>/.data, keyed by a hash of the pom, and shared by
 * every data dir (so an extra broker in a temp dir starts without Maven).
 * Env: KAFKA_DATA_DIR (default <repo>/.data/kafka), KAFKA_PORT (default 9092; controller = port + 1).
 * See tools/kafka/README.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS_DIR = path.join(REPO_ROOT, 'tools', 'kafka');
const POM = path.join(TOOLS_DIR, 'pom.xml');
const LOG4J = path.join(TOOLS_DIR, 'log4j.properties');
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const SHARED_DIR = path.join(REPO_ROOT, '.data');
/** Extra brokers live in temp dirs named so; stop-extra deletes nothing else. */
const EXTRA_PREFIX = 'kinerja-kafka-extra-';

/**
 * @typedef {object} KafkaPaths
 * @property {string} dataDir          KAFKA_DATA_DIR
 * @property {string} logDirs          Kafka's log.dirs (topic data + KRaft metadata log)
 * @property {string} serverProperties generated broker config
 * @property {string} clusterIdFile    cluster id, kept so the formatted storage stays valid
 * @property {string} classpathFile    ':'-separated ~/.m2 jar paths, written by Maven (shared by all data dirs)
 * @property {string} classpathHash    sha256 of the pom the classpath file was resolved from
 * @property {string} pidFile
 * @property {string} brokerLog        broker stdout/stderr
 * @property {string} lockFile         held while a start is in progress
 */

/**
 * @typedef {object} KafkaConfig
 * @property {number} port           PLAINTEXT listener port
 * @property {number} controllerPort CONTROLLER listener port (port + 1)
 * @property {string[]} brokers      bootstrap list for clients
 * @property {KafkaPaths} paths
 */

/** @typedef {(message: string) => void} Logger */

/**
 * @typedef {object} KafkaStatus
 * @property {boolean} running     a Kafka broker answers on the configured port
 * @property {number | null} pid   pid from our pid file when that process is alive
 * @property {string[]} brokers
 */

/** An error whose message is meant for the user as is (no stack trace on the CLI). */
export class KafkaScriptError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'KafkaScriptError';
  }
}

/**
 * Reads KAFKA_DATA_DIR / KAFKA_PORT.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {KafkaConfig}
 */
export function kafkaConfig(env = process.env) {
  const port = env.KAFKA_PORT ? Number(env.KAFKA_PORT) : 9092;
  if (!Number.isInteger(port) || port < 1 || port > 65534) {
    throw new KafkaScriptError(`KAFKA_PORT must be an integer from 1 to 65534, got "${env.KAFKA_PORT}"`);
  }
  const dataDir = env.KAFKA_DATA_DIR ? path.resolve(env.KAFKA_DATA_DIR) : path.join(REPO_ROOT, '.data', 'kafka');
  return {
    port,
    controllerPort: port + 1,
    brokers: [`${HOST}:${port}`],
    paths: {
      dataDir,
      logDirs: path.join(dataDir, 'data'),
      serverProperties: path.join(dataDir, 'server.properties'),
      clusterIdFile: path.join(dataDir, 'cluster-id'),
      classpathFile: path.join(SHARED_DIR, 'kafka-classpath.txt'),
      classpathHash: path.join(SHARED_DIR, 'kafka-classpath.pom-sha256'),
      pidFile: path.join(dataDir, 'broker.pid'),
      brokerLog: path.join(dataDir, 'broker.log'),
      lockFile: path.join(dataDir, 'start.lock'),
    },
  };
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {number} startedAt */
const seconds = (startedAt) => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

/** @type {Logger} */
const stderrLogger = (message) => {
  process.stderr.write(`[kafka] ${message}\n`);
};

/**
 * True when a Kafka broker answers a metadata request (KafkaJS admin listTopics) on `brokers`.
 * @param {string[]} brokers
 * @param {number} [timeoutMs]
 */
async function brokerAnswers(brokers, timeoutMs = 2000) {
  const kafka = new Kafka({
    clientId: 'kinerja-kafka-script',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 1000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Whether `pid` is a live (non-zombie) process; on Linux also that it is a Kafka broker for this data dir,
 * so a stale pid file whose pid was reused by something else is not mistaken for the broker.
 * @param {number} pid
 * @param {string} [serverProperties] expected on the command line when given
 */
export function processAlive(pid, serverProperties) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false; // exited, not yet reaped
    if (serverProperties) {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return cmdline.includes('kafka.Kafka') && cmdline.includes(serverProperties);
    }
  } catch {
    // No /proc (macOS): trust kill(pid, 0).
  }
  return true;
}

/**
 * @param {string} file
 * @returns {number | null}
 */
function readPid(file) {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * The broker pid from the pid file if that process is still our broker; removes a stale pid file.
 * @param {KafkaConfig} config
 */
function livePid(config) {
  const pid = readPid(config.paths.pidFile);
  if (pid === null) return null;
  if (processAlive(pid, config.paths.serverProperties)) return pid;
  fs.rmSync(config.paths.pidFile, { force: true });
  return null;
}

/**
 * @param {string} file
 * @param {number} [lines]
 */
function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no broker log)';
  }
}

/**
 * Fails when another program already listens on one of the broker's ports (the broker would die on bind).
 * @param {number[]} ports
 */
export async function requirePortsFree(ports) {
  for (const port of ports) {
    const error = await new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', resolve);
      server.listen(port, HOST, () => server.close(() => resolve(null)));
    });
    if (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      throw new KafkaScriptError(
        `${HOST}:${port} is not free (${code}) and no Kafka broker answers on the PLAINTEXT port; ` +
          'stop whatever listens there or choose other ports with KAFKA_PORT (the controller uses KAFKA_PORT + 1).',
      );
    }
  }
}

/**
 * Fails with a clear message when a required command is missing.
 * @param {'java' | 'mvn'} command
 */
export function requireCommand(command) {
  const result = spawnSync(command, [command === 'java' ? '-version' : '--version'], { encoding: 'utf8' });
  if (result.error) {
    const hint =
      command === 'java'
        ? 'Install a Java runtime, 17 or newer (Debian/Ubuntu: apt-get install openjdk-17-jre-headless).'
        : 'Install Apache Maven 3.8 or newer (Debian/Ubuntu: apt-get install maven).';
    throw new KafkaScriptError(`\`${command}\` was not found on PATH; the local Kafka broker needs it. ${hint}`);
  }
  if (command === 'java') {
    const major = Number(/version "(?:1\.)?(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1]);
    if (major && major < 11) {
      throw new KafkaScriptError(`Kafka 3.9 needs Java 11 or newer (17 recommended); \`java\` is version ${major}.`);
    }
  }
}

/**
 * The broker classpath (':'-joined jar paths in ~/.m2). Runs Maven only when the pom changed since the
 * cached classpath file was written, or a jar in it has disappeared from ~/.m2.
 * @param {KafkaConfig} config
 * @param {Logger} log
 */
export function resolveClasspath(config, log) {
  const { classpathFile, classpathHash } = config.paths;
  const pomHash = createHash('sha256').update(fs.readFileSync(POM)).digest('hex');
  if (fs.existsSync(classpathFile) && fs.existsSync(classpathHash)) {
    const cached = fs.readFileSync(classpathFile, 'utf8').trim();
    const jars = cached.split(path.delimiter).filter(Boolean);
    if (fs.readFileSync(classpathHash, 'utf8').trim() === pomHash && jars.length > 0 && jars.every((jar) => fs.existsSync(jar))) {
      return cached;
    }
  }
  requireCommand('mvn');
  log('resolving the Kafka classpath with Maven (the first run downloads about 50 MB of jars into ~/.m2) ...');
  const startedAt = Date.now();
  fs.mkdirSync(path.dirname(classpathFile), { recursive: true });
  const tmpFile = `${classpathFile}.${process.pid}.tmp`; // two checkouts' starts may resolve at once
  const result = spawnSync(
    'mvn',
    ['-q', '-B', '-Dstyle.color=never', '-f', POM, 'dependency:build-classpath', '-Dmdep.includeScope=runtime', `-Dmdep.outputFile=${tmpFile}`],
    { cwd: TOOLS_DIR, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error || result.status !== 0 || !fs.existsSync(tmpFile)) {
    throw new KafkaScriptError(
      `Maven could not resolve the Kafka classpath (exit ${result.status ?? result.error?.message}):\n` + `${result.stdout ?? ''}${result.stderr ?? ''}`.trim(),
    );
  }
  fs.renameSync(tmpFile, classpathFile);
  fs.writeFileSync(classpathHash, `${pomHash}\n`);
  log(`classpath resolved in ${seconds(startedAt)}`);
  return fs.readFileSync(classpathFile, 'utf8').trim();
}

/**
 * @param {KafkaConfig} config
 */
function serverProperties(config) {
  const { port, controllerPort } = config;
  return [
    '# Generated by scripts/kafka.mjs on every start; edit the script, not this file.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${controllerPort}`,
    `listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${config.paths.logDirs}`,
    'num.partitions=3',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

/**
 * @param {string} classpath
 * @param {string[]} args
 */
export function javaArgs(classpath, args) {
  return ['-cp', classpath, `-Dlog4j.configuration=${pathToFileURL(LOG4J).href}`, '-Djava.awt.headless=true', ...args];
}

/**
 * Formats the KRaft storage once; the cluster id is kept in a file (or recovered from meta.properties).
 * @param {KafkaConfig} config
 * @param {string} classpath
 * @param {Logger} log
 */
function formatStorageOnce(config, classpath, log) {
  const { logDirs, clusterIdFile, serverProperties: propsFile } = config.paths;
  const metaFile = path.join(logDirs, 'meta.properties');
  if (fs.existsSync(metaFile)) {
    if (!fs.existsSync(clusterIdFile)) {
      const id = /^cluster\.id=(.+)$/m.exec(fs.readFileSync(metaFile, 'utf8'))?.[1];
      if (id) fs.writeFileSync(clusterIdFile, `${id.trim()}\n`);
    }
    return;
  }
  /** @param {string[]} args */
  const runJava = (args) => {
    const result = spawnSync('java', javaArgs(classpath, args), { cwd: config.paths.dataDir, encoding: 'utf8' });
    if (result.error || result.status !== 0) {
      throw new KafkaScriptError(`java ${args.slice(0, 2).join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`.trim());
    }
    return result.stdout.trim();
  };
  let clusterId = fs.existsSync(clusterIdFile) ? fs.readFileSync(clusterIdFile, 'utf8').trim() : '';
  if (!clusterId) {
    clusterId = runJava(['kafka.tools.StorageTool', 'random-uuid']).split('\n').pop()?.trim() ?? '';
    if (!/^[\w-]{22}$/.test(clusterId)) throw new KafkaScriptError(`unexpected cluster id "${clusterId}"`);
    fs.writeFileSync(clusterIdFile, `${clusterId}\n`);
  }
  log(`formatting storage in ${logDirs} (cluster id ${clusterId})`);
  runJava(['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propsFile, '--ignore-formatted']);
}

/**
 * Holds an exclusive lock file while starting, so concurrent callers (several test processes) do not
 * start two brokers. Returns false when another live process holds it.
 * @param {string} lockFile
 */
function tryLock(lockFile) {
  for (;;) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return true;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      const holder = readPid(lockFile);
      if (holder !== null && holder !== process.pid && processAlive(holder)) return false;
      fs.rmSync(lockFile, { force: true }); // stale: its owner is gone
    }
  }
}

/**
 * Waits until the broker answers, failing early if the process `pid` dies.
 * @param {KafkaConfig} config
 * @param {number | null} pid
 * @param {number} timeoutMs
 */
async function waitUntilReady(config, pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await brokerAnswers(config.brokers, 1000)) return;
    if (pid !== null && !processAlive(pid)) {
      fs.rmSync(config.paths.pidFile, { force: true });
      throw new KafkaScriptError(
        `the Kafka broker (pid ${pid}) exited during start-up. Last lines of ${config.paths.brokerLog}:\n` + tail(config.paths.brokerLog),
      );
    }
    if (Date.now() > deadline) {
      throw new KafkaScriptError(
        `the Kafka broker${pid === null ? '' : ` (pid ${pid})`} did not answer on ${config.brokers.join(',')} ` +
          `within ${timeoutMs / 1000} s${pid === null ? '' : '; it is left running (`node scripts/kafka.mjs stop` stops it)'}. ` +
          `Last lines of ${config.paths.brokerLog}:\n${tail(config.paths.brokerLog)}`,
      );
    }
    await sleep(250);
  }
}

/**
 * Starts the local broker unless one already answers; resolves once it answers a KafkaJS admin call.
 * @param {{ env?: NodeJS.ProcessEnv, log?: Logger, timeoutMs?: number }} [options]
 * @returns {Promise<{ brokers: string[], startedByUs: boolean, pid: number | null }>}
 */
export async function ensureKafka(options = {}) {
  const { env = process.env, log = stderrLogger, timeoutMs = READY_TIMEOUT_MS } = options;
  const config = kafkaConfig(env);
  const { paths } = config;
  const startedAt = Date.now();

  if (await brokerAnswers(config.brokers)) {
    return { brokers: config.brokers, startedByUs: false, pid: livePid(config) };
  }
  fs.mkdirSync(paths.dataDir, { recursive: true });

  if (!tryLock(paths.lockFile)) {
    log('another process is starting the broker; waiting for it ...');
    const deadline = Date.now() + timeoutMs + 120_000; // it may be downloading jars first
    while (fs.existsSync(paths.lockFile) && Date.now() < deadline) {
      if (await brokerAnswers(config.brokers, 1000)) break;
      await sleep(250);
    }
    if (!(await brokerAnswers(config.brokers))) {
      throw new KafkaScriptError(`another process tried to start the broker and did not succeed; see ${paths.brokerLog}`);
    }
    return { brokers: config.brokers, startedByUs: false, pid: livePid(config) };
  }
  try {
    const existing = livePid(config);
    if (existing !== null) {
      // Our broker process is alive but not answering yet (still starting, or stuck).
      log(`broker process ${existing} is alive but not answering yet; waiting ...`);
      await waitUntilReady(config, existing, timeoutMs);
      return { brokers: config.brokers, startedByUs: false, pid: existing };
    }

    requireCommand('java');
    await requirePortsFree([config.port, config.controllerPort]);
    const classpath = resolveClasspath(config, log);
    fs.mkdirSync(paths.logDirs, { recursive: true });
    fs.writeFileSync(paths.serverProperties, serverProperties(config));
    formatStorageOnce(config, classpath, log);

    if (fs.existsSync(paths.brokerLog)) fs.renameSync(paths.brokerLog, `${paths.brokerLog}.1`);
    const logFd = fs.openSync(paths.brokerLog, 'a');
    let child;
    try {
      child = spawn('java', javaArgs(classpath, ['-Xmx512m', 'kafka.Kafka', paths.serverProperties]), {
        cwd: paths.dataDir,
        detached: true,
        stdio: ['ignore', logFd, logFd],
      });
    } finally {
      fs.closeSync(logFd);
    }
    child.once('error', () => undefined); // spawn failures show up as pid === undefined below
    const pid = child.pid;
    if (pid === undefined) throw new KafkaScriptError('could not spawn `java`');
    child.unref();
    fs.writeFileSync(paths.pidFile, `${pid}\n`);
    log(`broker started (pid ${pid}), waiting for ${config.brokers.join(',')} ...`);

    await waitUntilReady(config, pid, timeoutMs);
    log(`Kafka is ready on ${config.brokers.join(',')} (start took ${seconds(startedAt)})`);
    return { brokers: config.brokers, startedByUs: true, pid };
  } finally {
    fs.rmSync(paths.lockFile, { force: true });
  }
}

/**
 * Stops the broker recorded in the pid file: SIGTERM (clean shutdown), SIGKILL after 30 s.
 * @param {{ env?: NodeJS.ProcessEnv, log?: Logger, timeoutMs?: number }} [options]
 * @returns {Promise<{ stopped: boolean }>} stopped is false when no broker of ours was running
 */
export async function stopKafka(options = {}) {
  const { env = process.env, log = stderrLogger, timeoutMs = STOP_TIMEOUT_MS } = options;
  const config = kafkaConfig(env);
  const pid = livePid(config);
  if (pid === null) {
    if (await brokerAnswers(config.brokers)) {
      log(`a broker answers on ${config.brokers.join(',')} but has no pid file in ${config.paths.dataDir}; not ours, left alone`);
    }
    return { stopped: false };
  }
  const startedAt = Date.now();
  log(`stopping broker (pid ${pid}) ...`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid) && Date.now() < deadline) await sleep(200);
  if (processAlive(pid)) {
    log(`broker did not exit within ${timeoutMs / 1000} s; sending SIGKILL`);
    process.kill(pid, 'SIGKILL');
    while (processAlive(pid)) await sleep(100);
  }
  fs.rmSync(config.paths.pidFile, { force: true });
  log(`broker stopped in ${seconds(startedAt)}`);
  return { stopped: true };
}

/**
 * @param {{ env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<KafkaStatus>}
 */
export async function kafkaStatus(options = {}) {
  const config = kafkaConfig(options.env ?? process.env);
  const pid = livePid(config);
  return { running: await brokerAnswers(config.brokers), pid, brokers: config.brokers };
}

/**
 * Starts a broker of its own, freshly formatted in a new temp dir, on `port` (controller on port + 1):
 * for tests that need a just-started broker, or one they may stop. It refuses the default broker's
 * ports and any port something listens on, so it can never reuse (and later stop) a shared broker.
 * @param {{ port: number, log?: Logger, timeoutMs?: number }} options
 * @returns {Promise<{ brokers: string[], dataDir: string, pid: number }>}
 */
export async function startExtraBroker({ port, log = stderrLogger, timeoutMs = READY_TIMEOUT_MS }) {
  const shared = kafkaConfig({});
  if (!Number.isInteger(port) || [shared.port - 1, shared.port, shared.controllerPort].includes(port)) {
    throw new KafkaScriptError(`an extra broker needs ports of its own, not ${port} (the default broker uses ${shared.port} and ${shared.controllerPort})`);
  }
  await requirePortsFree([port, port + 1]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), EXTRA_PREFIX));
  try {
    const result = await ensureKafka({ env: { KAFKA_DATA_DIR: dataDir, KAFKA_PORT: String(port) }, log, timeoutMs });
    if (!result.startedByUs || result.pid === null) throw new KafkaScriptError(`a broker already answered on ${port}; not starting an extra one`);
    return { brokers: result.brokers, dataDir, pid: result.pid };
  } catch (error) {
    await stopExtraBroker(dataDir, { log }).catch(() => undefined);
    throw error;
  }
}

/**
 * Stops a broker that `startExtraBroker` started (by the pid file in its dir, never by port) and
 * deletes its dir.
 * @param {string} dataDir
 * @param {{ log?: Logger }} [options]
 */
export async function stopExtraBroker(dataDir, options = {}) {
  const resolved = path.resolve(dataDir);
  if (path.dirname(resolved) !== path.resolve(os.tmpdir()) || !path.basename(resolved).startsWith(EXTRA_PREFIX)) {
    throw new KafkaScriptError(`${dataDir} is not an extra broker's dir (${path.join(os.tmpdir(), EXTRA_PREFIX)}*)`);
  }
  const port = /^listeners=PLAINTEXT:\/\/[^:]+:(\d+)/m.exec(readText(path.join(resolved, 'server.properties')))?.[1];
  if (port) await stopKafka({ env: { KAFKA_DATA_DIR: resolved, KAFKA_PORT: port }, ...options });
  fs.rmSync(resolved, { recursive: true, force: true });
}

/** @param {string} file */
function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * @param {string[]} argv
 * @returns {Promise<number>} exit code
 */
async function main(argv) {
  /** @type {Logger} */
  const log = (message) => console.log(message);
  const command = argv[0];
  try {
    if (command === 'start') {
      const result = await ensureKafka({ log });
      if (!result.startedByUs) {
        console.log(`already running on ${result.brokers.join(',')}${result.pid === null ? ' (not started by this script)' : ` (pid ${result.pid})`}`);
      }
      return 0;
    }
    if (command === 'stop') {
      const { stopped } = await stopKafka({ log });
      if (!stopped) console.log('not running');
      return 0;
    }
    if (command === 'status') {
      const status = await kafkaStatus();
      if (status.running) {
        console.log(`running on ${status.brokers.join(',')}${status.pid === null ? ' (no pid file: not started by this script)' : ` (pid ${status.pid})`}`);
        return 0;
      }
      console.log(
        status.pid === null
          ? 'not running'
          : `not running: broker process ${status.pid} is alive but does not answer on ${status.brokers.join(',')} (starting or stuck)`,
      );
      return 3;
    }
    if (command === 'start-extra') {
      const started = await startExtraBroker({ port: Number(argv[1]), log: (message) => console.error(message) });
      console.log(JSON.stringify(started));
      return 0;
    }
    if (command === 'stop-extra' && argv[1]) {
      await stopExtraBroker(argv[1], { log });
      return 0;
    }
    console.error('usage: node scripts/kafka.mjs start | stop | status | start-extra <port> | stop-extra <dataDir>');
    return 2;
  } catch (error) {
    console.error(error instanceof KafkaScriptError ? `kafka: ${error.message}` : error);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
