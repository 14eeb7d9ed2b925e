import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { createEnvelope, topicOf } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';
import { ensureTopics, EventConsumer, KafkaTransport, toMessage } from '@kinerja/messaging';

import { kafkaClient, testBrokers, waitFor } from '../support/kafka';
import { REPO_ROOT } from '../support/processes';

const run = promisify(execFile);
const logger = createLogger({ name: 'dlq-cli-test', level: 'silent' });
const TYPE = 'identity.employee.transferred';
const TOPIC = topicOf(TYPE);

/** `npm run dlq -- …` against the test broker; resolves with what it printed. */
const dlq = async (...args: string[]) =>
  (
    await run(process.execPath, [join(REPO_ROOT, 'scripts', 'dlq.mjs'), ...args], {
      env: { ...process.env, KAFKA_BROKERS: testBrokers().join(',') },
      timeout: 60_000,
    })
  ).stdout;

function transferred() {
  const agencyId = randomUUID();
  return createEnvelope({
    id: randomUUID(),
    type: TYPE,
    agencyId,
    producer: 'identity',
    payload: {
      employeeId: randomUUID(),
      nip: '198609262015051001',
      name: 'Budi',
      agencyId,
      orgUnitId: randomUUID(),
      positionId: null,
      supervisorEmployeeId: null,
      employmentType: 'PNS',
      previousOrgUnitId: randomUUID(),
      previousPositionId: null,
    },
  });
}

async function startGroupAtEnd(groupId: string): Promise<void> {
  const admin = kafkaClient().admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(TOPIC);
    await admin.setOffsets({ groupId, topic: TOPIC, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
  } finally {
    await admin.disconnect();
  }
}

describe('npm run dlq on a real Kafka broker', () => {
  const transport = new KafkaTransport({ brokers: testBrokers(), clientId: `dlq-cli-${randomUUID().slice(0, 8)}`, logger });
  afterAll(() => transport.close());

  it('lists and shows a dead letter, and replaying it after the fix has one effect, however often it is replayed', async () => {
    await ensureTopics(transport.admin, { partitions: 3, replicationFactor: 1 });
    const group = `dlq-cli-${randomUUID()}`;
    await startGroupAtEnd(group);
    let broken = true;
    const calls: string[] = [];
    const effects: string[] = [];
    const claimed = new Set<string>(); // what a consumer's processed_event table does
    const consumer = new EventConsumer({
      consumer: group,
      transport,
      logger,
      retry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
      handlers: {
        [TYPE]: async (event) => {
          calls.push(event.id);
          if (broken) throw new Error('supervisor lookup failed');
          if (claimed.has(event.id)) return;
          claimed.add(event.id);
          effects.push(event.id);
        },
      },
    });
    await consumer.start();
    try {
      const event = transferred();
      await transport.publish([toMessage(TOPIC, event.payload.employeeId, event)]);

      const listed = await waitFor(
        async () => {
          const out = await dlq('list', TOPIC);
          return out.includes(event.id) && out;
        },
        60_000,
        'the dead letter to be listed',
      );
      expect(listed).toMatch(
        new RegExp(`^\\d+:\\d+\\t${event.id}\\t${TYPE}\\t${group}\\t\\S+\\tHANDLER_FAILED after 2 attempts: supervisor lookup failed$`, 'm'),
      );
      const shown = await dlq('show', `${TOPIC}.dlq`, event.id);
      expect(shown).toContain(`dlq-reason: HANDLER_FAILED after 2 attempts: supervisor lookup failed`);
      expect(shown).toContain(`"previousOrgUnitId": "${event.payload.previousOrgUnitId}"`);
      expect(effects).toEqual([]);

      broken = false; // the fix is deployed
      expect(await dlq('replay', TOPIC, '--consumer', group)).toMatch(/^replayed 1 of \d+ dead letter\(s\) from identity\.employee\.transferred\.dlq$/m);
      await waitFor(async () => effects.length === 1, 30_000, 'the replayed event to be handled');
      // A second replay (an operator's retry) reaches the handler again but has no second effect.
      await dlq('replay', TOPIC, '--event', event.id);
      await waitFor(async () => calls.filter((id) => id === event.id).length >= 4, 30_000, 'the second replay to arrive');
      expect(effects).toEqual([event.id]);
    } finally {
      await consumer.stop();
    }
  }, 180_000);
});

describe('npm run dlq connects as the services do', () => {
  /** What the CLI hands KafkaJS for this environment (its own config reader, nothing else set). */
  const configFor = (env: Record<string, string>) =>
    run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { kafkaConfigOf } from ${JSON.stringify(join(REPO_ROOT, 'scripts', 'dlq.mjs'))}; console.log(JSON.stringify(kafkaConfigOf(process.env)));`,
      ],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 },
    );
  const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

  it('passes the brokers, TLS with the private CA and SASL/SCRAM from the services’ variables', async () => {
    const { stdout } = await configFor({
      KAFKA_BROKERS: 'kafka-0:9093, kafka-1:9093',
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA: CA,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'oncall',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(JSON.parse(stdout)).toMatchObject({
      brokers: ['kafka-0:9093', 'kafka-1:9093'],
      ssl: { ca: [CA], rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: 'oncall', password: 's3cret' },
    });
  });

  it('is plaintext without them, and refuses a half-set configuration with every problem', async () => {
    const plain = JSON.parse((await configFor({})).stdout) as Record<string, unknown>;
    expect(plain).toMatchObject({ brokers: ['127.0.0.1:9092'] });
    expect(plain).not.toHaveProperty('ssl');
    expect(plain).not.toHaveProperty('sasl');
    const refused = await configFor({ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SSL_CA: CA }).then(
      () => null,
      (error: { stderr: string }) => error.stderr,
    );
    expect(refused).toContain('KAFKA_SASL_USERNAME: required when KAFKA_SASL_MECHANISM is set');
    expect(refused).toContain('KAFKA_SSL_CA: set without KAFKA_SSL=true');
  });
});
