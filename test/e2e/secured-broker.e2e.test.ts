import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { createLogger } from '@kinerja/logger';
import { kafkaSecurityOptions, KafkaTransport } from '@kinerja/messaging';
import { Kafka, logLevel } from 'kafkajs';

import { assessmentFinalized, testEmployee } from '../support/employee-events';
import { REPO_ROOT } from '../support/processes';

const run = promisify(execFile);
const SCRIPT = join(REPO_ROOT, 'scripts', 'kafka-secure.mjs');
const logger = createLogger({ name: 'test', level: 'silent' });

interface SecureBroker {
  brokers: string[];
  dataDir: string;
  ca: string;
  users: Record<string, { username: string; password: string }>;
}

const finalized = () => JSON.stringify(assessmentFinalized(testEmployee(crypto.randomUUID())));

/**
 * A broker of this test's own (scripts/kafka-secure.mjs, on free ports away from the shared one):
 * SASL/SCRAM over TLS and the ACLs derived from the event catalogue.
 */
describe('the secured broker (SASL/SCRAM over TLS, ACLs from the catalogue)', () => {
  let broker: SecureBroker;
  const transports: KafkaTransport[] = [];
  const asService = (service: string) => {
    const credentials = broker.users[service]!;
    const transport = new KafkaTransport({
      brokers: broker.brokers,
      clientId: `test-${service}`,
      logger,
      security: { tls: { ca: broker.ca }, sasl: { mechanism: 'scram-sha-512', ...credentials } },
    });
    transports.push(transport);
    return transport;
  };

  beforeAll(async () => {
    const { stdout } = await run(process.execPath, [SCRIPT, 'start'], { timeout: 240_000 });
    broker = JSON.parse(stdout) as SecureBroker;
  }, 300_000);

  afterAll(async () => {
    await Promise.all(transports.map((transport) => transport.close()));
    if (broker) await run(process.execPath, [SCRIPT, 'stop', broker.dataDir], { timeout: 60_000 });
  }, 90_000);

  it("lets performance's principal produce to its own topic", async () => {
    await expect(
      asService('performance').publish([{ topic: 'performance.assessment.finalized', key: 'k', value: finalized(), headers: {} }]),
    ).resolves.toBeUndefined();
  });

  it("refuses performance's principal producing into identity's topic with TOPIC_AUTHORIZATION_FAILED", async () => {
    const refused = await asService('performance')
      .publish([{ topic: 'identity.employee.transferred', key: 'k', value: finalized(), headers: {} }])
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(Error);
    const chain: unknown[] = [refused, (refused as { originalError?: unknown }).originalError, (refused as { cause?: unknown }).cause];
    expect(chain.some((error) => (error as { type?: string } | undefined)?.type === 'TOPIC_AUTHORIZATION_FAILED')).toBe(true);
  });

  it('refuses a client without credentials, over TLS or plaintext', async () => {
    for (const security of [{ tls: { ca: broker.ca } }, undefined]) {
      const kafka = new Kafka({
        clientId: 'test-anonymous',
        brokers: broker.brokers,
        ...kafkaSecurityOptions(security),
        logLevel: logLevel.NOTHING,
        connectionTimeout: 2000,
        requestTimeout: 3000,
        retry: { retries: 0 },
      });
      const admin = kafka.admin();
      await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow();
      await admin.disconnect().catch(() => undefined);
    }
  });

  it('lets the people on call list dead letters with `npm run dlq` over SASL/SCRAM and TLS, and refuses it without credentials', async () => {
    const { username, password } = broker.users['admin']!;
    const letterId = crypto.randomUUID();
    const admin = new Kafka({
      clientId: 'test-admin',
      brokers: broker.brokers,
      ...kafkaSecurityOptions({ tls: { ca: broker.ca }, sasl: { mechanism: 'scram-sha-512', username, password } }),
      logLevel: logLevel.NOTHING,
    }).producer();
    await admin.connect();
    await admin.send({
      topic: 'performance.assessment.finalized.dlq',
      messages: [{ key: 'k', value: finalized(), headers: { 'event-id': letterId, 'dlq-reason': 'HANDLER_FAILED after 5 attempts: test' } }],
    });
    await admin.disconnect();
    const dlq = (env: Record<string, string>) =>
      run(process.execPath, [join(REPO_ROOT, 'scripts', 'dlq.mjs'), 'list', 'performance.assessment.finalized'], {
        env: { PATH: process.env['PATH'] ?? '', KAFKA_BROKERS: broker.brokers.join(','), ...env },
        timeout: 90_000,
      });
    const secured = {
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA: broker.ca,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: username,
      KAFKA_SASL_PASSWORD: password,
    };
    expect((await dlq(secured)).stdout).toMatch(new RegExp(`\\t${letterId}\\t.*HANDLER_FAILED after 5 attempts: test$`, 'm'));
    await expect(dlq({ KAFKA_SSL: 'true', KAFKA_SSL_CA: broker.ca })).rejects.toThrow();
  }, 120_000);

  it('refuses a known user with a wrong password', async () => {
    const kafka = new Kafka({
      clientId: 'test-wrong-password',
      brokers: broker.brokers,
      ...kafkaSecurityOptions({ tls: { ca: broker.ca }, sasl: { mechanism: 'scram-sha-512', username: 'performance', password: 'not-the-password' } }),
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    });
    const admin = kafka.admin();
    await expect(admin.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed|Authentication failed/i);
    await admin.disconnect().catch(() => undefined);
  });
});
