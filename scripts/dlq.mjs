// @ts-check
/**
 * Dead letters for the people on call:
 *
 *   npm run dlq -- list <topic>                                  one line per dead letter
 *   npm run dlq -- show <topic> <partition:offset | event id>    one letter: why, where, headers, payload
 *   npm run dlq -- replay <topic> [--consumer <group>] [--event <id>]
 *
 * <topic> is an event topic or its `.dlq` topic. `replay` sends each letter (or those a consumer
 * group dead-lettered, or one event) back to its original topic with its key, value and original
 * headers, after the fix is deployed. Every consumer group sees it again, but consumers are
 * idempotent by event id: the ones that had handled it skip it, so a replay has one effect.
 * It connects as the services do: KAFKA_BROKERS (default 127.0.0.1:9092) and the same security
 * variables (KAFKA_SSL, KAFKA_SSL_CA, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD),
 * read and checked by the services' own config reader (@kinerja/config) and turned into KafkaJS
 * options by the same function (@kinerja/messaging); it needs `npm run build` first.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import kafkajs from 'kafkajs';

import { repoRoot } from './lib/paths.mjs';

const { Kafka, logLevel } = kafkajs;
const DLQ_SUFFIX = '.dlq';
const require = createRequire(import.meta.url);

/** A workspace package's build (the services' own code, so the tool connects exactly as they do). */
function built(/** @type {string} */ name) {
  const file = path.join(repoRoot, 'packages', name, 'dist', 'index.js');
  if (!existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run npm run build first`);
  return require(file);
}

/** @typedef {{ partition: number, offset: string, key: string, value: string, headers: Record<string, string> }} Letter */

/**
 * The KafkaJS client options from the environment: the services' config reader checks the variables
 * together (a mechanism needs both credentials, a CA needs TLS, in production no SASL without TLS)
 * and reports every problem at once; the services' own function turns them into `ssl` and `sasl`.
 * @param {NodeJS.ProcessEnv} env
 * @returns {import('kafkajs').KafkaConfig}
 */
export function kafkaConfigOf(env) {
  const { loadConfig, kafkaToolEnvSchema, kafkaSecurityOf } = built('config');
  const { kafkaSecurityOptions } = built('messaging');
  const config = loadConfig(kafkaToolEnvSchema, env);
  return {
    clientId: 'kinerja-dlq',
    brokers: config.KAFKA_BROKERS,
    ...kafkaSecurityOptions(kafkaSecurityOf(config)),
    logLevel: logLevel.NOTHING,
    // Retries with backoff: the tool may run against a broker that has just restarted.
    retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 5000 },
  };
}

/**
 * Every letter in the dead-letter topic up to its end as of now, read with a throwaway group
 * (deleted afterwards) so that reading commits nothing anyone else relies on.
 * @param {import('kafkajs').Kafka} kafka
 * @param {string} topic
 * @returns {Promise<Letter[]>}
 */
async function readLetters(kafka, topic) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = (await admin.fetchTopicOffsets(topic)).filter(({ high, low }) => Number(high) > Number(low));
    if (ends.length === 0) return [];
    const remaining = new Map(ends.map(({ partition, high }) => [partition, Number(high) - 1]));
    const groupId = `kinerja-dlq-cli-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    /** @type {Letter[]} */
    const letters = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise((resolve, reject) => {
        consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              const last = remaining.get(partition);
              if (last === undefined || Number(message.offset) > last) return;
              letters.push({
                partition,
                offset: message.offset,
                key: message.key?.toString() ?? '',
                value: message.value?.toString() ?? '',
                headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString() ?? ''])),
              });
              if (Number(message.offset) === last) remaining.delete(partition);
              if (remaining.size === 0) resolve(undefined);
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return letters.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
  } finally {
    await admin.disconnect();
  }
}

/** @param {Letter} letter */
const where = (letter) => `${letter.partition}:${letter.offset}`;

/** @param {Letter} letter */
function summary(letter) {
  const h = letter.headers;
  return [
    where(letter),
    h['event-id'] ?? '-',
    h['event-type'] ?? '-',
    h['dlq-consumer'] ?? '-',
    h['dlq-failed-at'] ?? '-',
    (h['dlq-reason'] ?? '').slice(0, 160),
  ].join('\t');
}

/** The message that goes back: the original headers, without the dead letter's own. */
/** @param {Letter} letter @param {string} dlqTopic */
function replayed(letter, dlqTopic) {
  const headers = Object.fromEntries(Object.entries(letter.headers).filter(([name]) => !name.startsWith('dlq-')));
  return { key: letter.key, value: letter.value, headers: { ...headers, 'dlq-replayed-from': `${dlqTopic}/${where(letter)}` } };
}

/**
 * @param {string[]} argv
 * @param {{ env?: NodeJS.ProcessEnv, out?: (line: string) => void }} [io]
 * @returns {Promise<number>} exit code
 */
export async function dlq(argv, { env = process.env, out = (line) => console.log(line) } = {}) {
  const [command, topicArg, ...rest] = argv;
  if (!command || !topicArg || !['list', 'show', 'replay'].includes(command)) {
    console.error('usage: npm run dlq -- list|show|replay <topic> [partition:offset|event-id] [--consumer <group>] [--event <id>]');
    return 2;
  }
  const dlqTopic = topicArg.endsWith(DLQ_SUFFIX) ? topicArg : `${topicArg}${DLQ_SUFFIX}`;
  const option = (/** @type {string} */ name) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
  const kafka = new Kafka(kafkaConfigOf(env));
  const letters = await readLetters(kafka, dlqTopic);

  if (command === 'list') {
    out(`${letters.length} dead letter(s) in ${dlqTopic}`);
    for (const letter of letters) out(summary(letter));
    return 0;
  }
  if (command === 'show') {
    const wanted = rest[0];
    const letter = letters.find((l) => where(l) === wanted || l.headers['event-id'] === wanted);
    if (!letter) {
      console.error(`no dead letter ${wanted ?? '(give partition:offset or an event id)'} in ${dlqTopic}`);
      return 1;
    }
    let value = letter.value;
    try {
      value = JSON.stringify(JSON.parse(letter.value), null, 2);
    } catch {
      // Not JSON (an INVALID_EVENT letter): shown as it arrived.
    }
    out(`${dlqTopic} ${where(letter)} key ${letter.key}`);
    for (const [name, header] of Object.entries(letter.headers)) out(`${name}: ${header}`);
    out(value);
    return 0;
  }
  const consumer = option('--consumer');
  const eventId = option('--event');
  const chosen = letters.filter((l) => (!consumer || l.headers['dlq-consumer'] === consumer) && (!eventId || l.headers['event-id'] === eventId));
  /** @type {Map<string, ReturnType<typeof replayed>[]>} */
  const byTopic = new Map();
  for (const letter of chosen) {
    const original = letter.headers['dlq-original-topic'] || dlqTopic.slice(0, -DLQ_SUFFIX.length);
    byTopic.set(original, [...(byTopic.get(original) ?? []), replayed(letter, dlqTopic)]);
  }
  if (chosen.length > 0) {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    } finally {
      await producer.disconnect();
    }
  }
  out(`replayed ${chosen.length} of ${letters.length} dead letter(s) from ${dlqTopic}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await dlq(process.argv.slice(2));
  } catch (error) {
    console.error(`dlq: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
