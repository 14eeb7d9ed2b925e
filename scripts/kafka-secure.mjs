// @ts-check
/**
 * A local Kafka 3.9 broker with authentication and ACLs, as production runs it: SASL/SCRAM-SHA-512
 * over TLS (a CA made at start with openssl), one SCRAM user per service plus `admin` (created at
 * format time with `--add-scram`), the StandardAuthorizer with no access unless an ACL grants it,
 * and the ACLs derived from the event catalogue (packages/events `topicAccessOf`).
 *
 *   node scripts/kafka-secure.mjs start [port]     (npm run kafka:secure -- start) a fresh broker in a temp dir;
 *                                                  prints {brokers, dataDir, pid, ca, users} (port 0 = any free pair)
 *   node scripts/kafka-secure.mjs stop <dataDir>   stops it and deletes its dir
 *   node scripts/kafka-secure.mjs acls [--print]   (npm run kafka:acls) applies the catalogue's ACLs (and creates
 *                                                  its topics) on KAFKA_BROKERS as KAFKA_SASL_USERNAME (a super user),
 *                                                  with KAFKA_SSL_CA; --print only prints them
 *
 * It runs on ports of its own and never touches the shared broker of `npm run kafka:start`.
 * Local only: the CONTROLLER listener (port + 1, 127.0.0.1) is plaintext, so the broker's own
 * controller connection runs as User:ANONYMOUS, a super user; clients use the SASL_SSL port.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import kafkajs from 'kafkajs';

import { javaArgs, kafkaConfig, KafkaScriptError, processAlive, requireCommand, requirePortsFree, resolveClasspath } from './kafka.mjs';
import { repoRoot } from './lib/paths.mjs';

const { Kafka, logLevel, AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes } = kafkajs;

const HOST = '127.0.0.1';
const PREFIX = 'kinerja-kafka-secure-';
const MECHANISM = 'SCRAM-SHA-512';
const READY_TIMEOUT_MS = 90_000;
const require = createRequire(import.meta.url);

/** @typedef {{ username: string, password: string }} Credentials */
/** @typedef {{ brokers: string[], dataDir: string, pid: number, ca: string, users: Record<string, Credentials> }} SecureBroker */

/** The catalogue, from the built @kinerja/events (npm run build). */
function catalogue() {
  const file = path.join(repoRoot, 'packages', 'events', 'dist', 'index.js');
  if (!fs.existsSync(file)) throw new KafkaScriptError(`${file} is missing: run npm run build first`);
  return /** @type {{ SERVICES: string[], EVENT_TYPES: string[], topicOf(t: string): string, deadLetterTopicOf(t: string): string, topicAccessOf(s: string): { write: string[], read: string[], group: string } }} */ (
    require(file)
  );
}

/**
 * Every ACL of every service's principal: WRITE on what it may write, READ on what it consumes,
 * DESCRIBE on the catalogue's topics (so that a start-up's topic check sees them), READ on its own
 * group, and IDEMPOTENT_WRITE on the cluster (its producer is idempotent).
 */
export function aclPlan() {
  const events = catalogue();
  const allTopics = events.EVENT_TYPES.flatMap((type) => [events.topicOf(type), events.deadLetterTopicOf(events.topicOf(type))]);
  return events.SERVICES.flatMap((service) => {
    const access = events.topicAccessOf(service);
    const principal = `User:${service}`;
    /** @param {number} resourceType @param {string} resourceName @param {number} operation */
    const allow = (resourceType, resourceName, operation) => ({
      resourceType,
      resourceName,
      resourcePatternType: ResourcePatternTypes.LITERAL,
      principal,
      host: '*',
      operation,
      permissionType: AclPermissionTypes.ALLOW,
    });
    return [
      ...access.write.map((topic) => allow(AclResourceTypes.TOPIC, topic, AclOperationTypes.WRITE)),
      ...access.read.map((topic) => allow(AclResourceTypes.TOPIC, topic, AclOperationTypes.READ)),
      ...allTopics.map((topic) => allow(AclResourceTypes.TOPIC, topic, AclOperationTypes.DESCRIBE)),
      allow(AclResourceTypes.GROUP, access.group, AclOperationTypes.READ),
      allow(AclResourceTypes.CLUSTER, 'kafka-cluster', AclOperationTypes.IDEMPOTENT_WRITE),
    ];
  });
}

/** @param {ReturnType<typeof aclPlan>[number]} acl */
function describeAcl(acl) {
  const name = (/** @type {Record<string, number>} */ table, /** @type {number} */ value) => Object.keys(table).find((key) => table[key] === value);
  return `${acl.principal} ${name(AclOperationTypes, acl.operation)} ${name(AclResourceTypes, acl.resourceType)}:${acl.resourceName}`;
}

/**
 * Creates the catalogue's topics (a service's principal may only describe them) and the ACLs, as an admin.
 * @param {import('kafkajs').Kafka} kafka connected as a super user
 * @param {{ partitions?: number }} [options]
 */
export async function applyAcls(kafka, options = {}) {
  const events = catalogue();
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = events.EVENT_TYPES.flatMap((type) => [events.topicOf(type), events.deadLetterTopicOf(events.topicOf(type))]).filter(
      (topic) => !existing.has(topic),
    );
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: options.partitions ?? 3, replicationFactor: 1 })),
      });
    }
    const acls = aclPlan();
    await admin.createAcls({ acl: acls });
    return { topicsCreated: missing.length, acls: acls.length };
  } finally {
    await admin.disconnect();
  }
}

/**
 * @param {string[]} brokers
 * @param {{ ca?: string, username?: string, password?: string }} security
 * @param {Partial<import('kafkajs').KafkaConfig>} [extra]
 */
export function secureClient(brokers, security, extra = {}) {
  return new Kafka({
    clientId: 'kinerja-kafka-secure',
    brokers,
    ssl: security.ca ? { ca: [security.ca] } : true,
    ...(security.username && security.password ? { sasl: { mechanism: 'scram-sha-512', username: security.username, password: security.password } } : {}),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 0 },
    ...extra,
  });
}

/** Two free consecutive ports (broker, controller). */
async function freePortPair() {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, HOST, () => {
        const address = /** @type {net.AddressInfo} */ (server.address());
        server.close(() => resolve(address.port));
      });
    });
    if (port < 65534) {
      try {
        await requirePortsFree([port, port + 1]);
        return port;
      } catch {
        // taken: another pair
      }
    }
  }
  throw new KafkaScriptError('no two consecutive free ports found');
}

/**
 * @param {string} cwd
 * @param {string[]} args
 */
function openssl(cwd, args) {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new KafkaScriptError(`openssl ${args[0]} failed: ${result.error?.message ?? result.stderr}`);
}

/**
 * A throwaway CA and the broker's certificate for 127.0.0.1, in a PKCS#12 key store; the CA as PEM
 * for the truststore (the broker's own connection to itself) and for the clients.
 * @param {string} dir
 */
function makeCertificates(dir) {
  const storePassword = randomBytes(12).toString('hex');
  fs.writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=kinerja-local-kafka-ca']);
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'broker.key', '-out', 'broker.csr', '-subj', '/CN=127.0.0.1']);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'broker.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'broker.pem',
    '-days',
    '2',
    '-extfile',
    'san.ext',
  ]);
  openssl(dir, [
    'pkcs12',
    '-export',
    '-in',
    'broker.pem',
    '-inkey',
    'broker.key',
    '-certfile',
    'ca.pem',
    '-name',
    'broker',
    '-out',
    'broker.p12',
    '-passout',
    `pass:${storePassword}`,
  ]);
  fs.rmSync(path.join(dir, 'ca.key'));
  return { ca: fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8'), keystore: path.join(dir, 'broker.p12'), storePassword };
}

/**
 * @param {{ port: number, logDirs: string, keystore: string, storePassword: string, truststore: string, admin: Credentials }} options
 */
function secureServerProperties({ port, logDirs, keystore, storePassword, truststore, admin }) {
  return [
    '# Generated by scripts/kafka-secure.mjs: SASL/SCRAM over TLS, ACLs required.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${port + 1}`,
    `listeners=SASL_SSL://${HOST}:${port},CONTROLLER://${HOST}:${port + 1}`,
    `advertised.listeners=SASL_SSL://${HOST}:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=SASL_SSL',
    'listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT',
    `sasl.enabled.mechanisms=${MECHANISM}`,
    `sasl.mechanism.inter.broker.protocol=${MECHANISM}`,
    `listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${admin.username}" password="${admin.password}";`,
    'ssl.keystore.type=PKCS12',
    `ssl.keystore.location=${keystore}`,
    `ssl.keystore.password=${storePassword}`,
    `ssl.key.password=${storePassword}`,
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${truststore}`,
    'ssl.client.auth=none',
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found=false',
    `super.users=User:${admin.username};User:ANONYMOUS`,
    `log.dirs=${logDirs}`,
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

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a fresh secured broker in a new temp dir, creates the catalogue's topics and applies its ACLs.
 * @param {{ port?: number, log?: (message: string) => void, timeoutMs?: number }} [options]
 * @returns {Promise<SecureBroker>}
 */
export async function startSecureBroker(options = {}) {
  const log = options.log ?? ((message) => process.stderr.write(`[kafka-secure] ${message}\n`));
  const shared = kafkaConfig({});
  const port = options.port ? options.port : await freePortPair();
  if ([shared.port - 1, shared.port, shared.controllerPort].includes(port)) throw new KafkaScriptError(`port ${port} belongs to the shared broker`);
  await requirePortsFree([port, port + 1]);
  requireCommand('java');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  try {
    const classpath = resolveClasspath(kafkaConfig({ KAFKA_DATA_DIR: dataDir, KAFKA_PORT: String(port) }), log);
    const { ca, keystore, storePassword } = makeCertificates(dataDir);
    /** @type {Record<string, Credentials>} */
    const users = Object.fromEntries(['admin', ...catalogue().SERVICES].map((name) => [name, { username: name, password: randomBytes(16).toString('hex') }]));
    const admin = /** @type {Credentials} */ (users.admin);
    const logDirs = path.join(dataDir, 'data');
    const propsFile = path.join(dataDir, 'server.properties');
    fs.writeFileSync(propsFile, secureServerProperties({ port, logDirs, keystore, storePassword, truststore: path.join(dataDir, 'ca.pem'), admin }), {
      mode: 0o600,
    });
    fs.writeFileSync(path.join(dataDir, 'credentials.json'), JSON.stringify(users, null, 2), { mode: 0o600 });

    /** @param {string[]} args */
    const runJava = (args) => {
      const result = spawnSync('java', javaArgs(classpath, args), { cwd: dataDir, encoding: 'utf8' });
      if (result.error || result.status !== 0)
        throw new KafkaScriptError(`java ${args.slice(0, 2).join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`.trim());
      return result.stdout.trim();
    };
    const clusterId = runJava(['kafka.tools.StorageTool', 'random-uuid']).split('\n').pop()?.trim() ?? '';
    const scram = Object.values(users).flatMap(({ username, password }) => ['--add-scram', `${MECHANISM}=[name=${username},password=${password}]`]);
    runJava(['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propsFile, ...scram]);

    const logFd = fs.openSync(path.join(dataDir, 'broker.log'), 'a');
    let child;
    try {
      child = spawn('java', javaArgs(classpath, ['-Xmx512m', 'kafka.Kafka', propsFile]), { cwd: dataDir, detached: true, stdio: ['ignore', logFd, logFd] });
    } finally {
      fs.closeSync(logFd);
    }
    child.once('error', () => undefined);
    const pid = child.pid;
    if (pid === undefined) throw new KafkaScriptError('could not spawn `java`');
    child.unref();
    fs.writeFileSync(path.join(dataDir, 'broker.pid'), `${pid}\n`);
    const brokers = [`${HOST}:${port}`];
    log(`secured broker started (pid ${pid}) on ${brokers[0]}, waiting ...`);

    const client = secureClient(brokers, { ca, ...admin });
    const deadline = Date.now() + (options.timeoutMs ?? READY_TIMEOUT_MS);
    for (;;) {
      try {
        const result = await applyAcls(client);
        await waitForAclsInEffect(brokers, ca, users, deadline);
        log(`ready: ${result.topicsCreated} topics created, ${result.acls} ACLs applied and in effect`);
        break;
      } catch (error) {
        if (!processAlive(pid)) throw new KafkaScriptError(`the secured broker exited during start-up; see ${path.join(dataDir, 'broker.log')}`);
        if (Date.now() > deadline)
          throw new KafkaScriptError(`the secured broker was not ready in time: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(500);
      }
    }
    return { brokers, dataDir, pid, ca, users };
  } catch (error) {
    await stopSecureBroker(dataDir).catch(() => undefined);
    throw error;
  }
}

/**
 * ACLs reach the broker's authorizer through the metadata log a moment after CreateAcls answers:
 * wait until a service's principal is allowed what it was granted (all were granted in one request).
 * @param {string[]} brokers @param {string} ca @param {Record<string, Credentials>} users @param {number} deadline
 */
async function waitForAclsInEffect(brokers, ca, users, deadline) {
  const events = catalogue();
  const service = /** @type {string} */ (events.SERVICES.at(-1));
  const topic = /** @type {string} */ (events.topicAccessOf(service).write[0]);
  const admin = secureClient(brokers, { ca, .../** @type {Credentials} */ (users[service]) }).admin();
  await admin.connect();
  try {
    for (;;) {
      const granted = await admin.fetchTopicMetadata({ topics: [topic] }).then(
        () => true,
        () => false,
      );
      if (granted) return;
      if (Date.now() > deadline) throw new KafkaScriptError(`the ACLs did not take effect in time (${service} cannot describe ${topic})`);
      await sleep(250);
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Stops a broker that startSecureBroker started (by the pid in its dir, never by port) and deletes its dir.
 * @param {string} dataDir
 */
export async function stopSecureBroker(dataDir) {
  const resolved = path.resolve(dataDir);
  if (path.dirname(resolved) !== path.resolve(os.tmpdir()) || !path.basename(resolved).startsWith(PREFIX)) {
    throw new KafkaScriptError(`${dataDir} is not a secured broker's dir (${path.join(os.tmpdir(), PREFIX)}*)`);
  }
  const pidText = fs.existsSync(path.join(resolved, 'broker.pid')) ? fs.readFileSync(path.join(resolved, 'broker.pid'), 'utf8').trim() : '';
  const pid = Number(pidText);
  const propsFile = path.join(resolved, 'server.properties');
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid, propsFile)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (processAlive(pid, propsFile) && Date.now() < deadline) await sleep(200);
    if (processAlive(pid, propsFile)) process.kill(pid, 'SIGKILL');
    while (processAlive(pid, propsFile)) await sleep(100);
  }
  fs.rmSync(resolved, { recursive: true, force: true });
}

/** @param {string[]} argv */
async function main(argv) {
  const [command, arg] = argv;
  try {
    if (command === 'start') {
      const started = await startSecureBroker({ port: arg ? Number(arg) : 0 });
      console.log(JSON.stringify(started, null, 2));
      return 0;
    }
    if (command === 'stop' && arg) {
      await stopSecureBroker(arg);
      return 0;
    }
    if (command === 'acls') {
      if (arg === '--print') {
        for (const acl of aclPlan()) console.log(describeAcl(acl));
        return 0;
      }
      const env = process.env;
      const brokers = (env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
      if (brokers.length === 0 || !env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD) {
        throw new KafkaScriptError('set KAFKA_BROKERS, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (a super user), and KAFKA_SSL_CA for a private CA');
      }
      const client = secureClient(
        brokers,
        { ca: env.KAFKA_SSL_CA, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD },
        { retry: { retries: 5 } },
      );
      console.log(JSON.stringify(await applyAcls(client)));
      return 0;
    }
    console.error('usage: node scripts/kafka-secure.mjs start [port] | stop <dataDir> | acls [--print]');
    return 2;
  } catch (error) {
    console.error(error instanceof KafkaScriptError ? `kafka-secure: ${error.message}` : error);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
