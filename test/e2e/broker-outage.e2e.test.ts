import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { createLogger } from '@kinerja/logger';
import { claimEvent, ensureTopics, EventConsumer, KafkaTransport } from '@kinerja/messaging';
import { Client } from 'pg';

import { type IdentityHarness, startIdentityOnPostgres } from '../../services/identity/test/identity-harness';
import { graphql, login } from '../support/graphql-client';
import { waitFor } from '../support/kafka';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { REPO_ROOT } from '../support/processes';

const run = promisify(execFile);
// A broker of this test's own, so stopping it does not disturb the other suites' broker; its port
// depends on the checkout, so two clones on one machine never stop each other's broker.
const PORT = 9200 + (createHash('sha256').update(REPO_ROOT).digest()[0]! % 50) * 2;
const BROKER_ENV = { ...process.env, KAFKA_PORT: String(PORT), KAFKA_DATA_DIR: join(REPO_ROOT, '.data', 'kafka-outage-test') };
const BROKERS = [`127.0.0.1:${PORT}`];
const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
const kafka = (command: 'start' | 'stop') => run(process.execPath, [join(REPO_ROOT, 'scripts', 'kafka.mjs'), command], { env: BROKER_ENV, timeout: 180_000 });
const logger = createLogger({ name: 'test', level: 'silent' });

describe('a broker outage', () => {
  let identity: IdentityHarness;
  let transport: KafkaTransport;
  let effects: TestDatabase;
  let client: Client;
  let consumer: EventConsumer;
  const calls: string[] = [];

  beforeAll(async () => {
    await kafka('start');
    transport = new KafkaTransport({ brokers: BROKERS, clientId: 'outage-test', logger });
    await ensureTopics(transport.admin, { partitions: 3, replicationFactor: 1 });
    identity = await startIdentityOnPostgres('outage', { transport });
    effects = await createTestDatabase('outage_effects');
    client = new Client({ connectionString: effects.url });
    await client.connect();
    await client.query(
      'CREATE TABLE processed_event (event_id uuid, consumer text, PRIMARY KEY (event_id, consumer)); CREATE TABLE effect (event_id uuid, nip text)',
    );
    consumer = new EventConsumer({
      consumer: `outage-${randomUUID().slice(0, 8)}`,
      transport,
      logger,
      handlers: {
        'identity.employee.registered': async (event) => {
          calls.push(event.id);
          await client.query('BEGIN');
          if (await claimEvent(async (sql, ...values) => (await client.query(sql, values)).rowCount ?? 0, 'outage', event.id)) {
            await client.query('INSERT INTO effect VALUES ($1, $2)', [event.id, event.payload.nip]);
          }
          await client.query('COMMIT');
        },
      },
    });
    await consumer.start();
  }, 240_000);

  afterAll(async () => {
    await consumer?.stop();
    await identity?.stop();
    await transport?.close();
    await client?.end();
    await effects?.drop();
    await kafka('stop');
  }, 120_000);

  it('loses no event and applies none twice while the broker is down for 20 s', async () => {
    const hr = await login(identity.url, { email: 'hr.siulak@kinerja.demo' });
    const unit = (await graphql(identity.url, '{ me { orgUnit { id } } }', {}, hr)).data?.['me'].orgUnit.id;
    // Fresh NIPs per run (the broker's topics outlive runs): a random 3-digit sequence base.
    const base = 100 + Math.floor(Math.random() * 850);
    const register = async (i: number) => {
      const nip = `19900101201501${i % 2 === 0 ? '1' : '2'}${base + i}`;
      const result = await graphql(
        identity.url,
        `mutation ($u: ID!, $nip: String!) { registerEmployee(input: { nip: $nip, name: "Uji Gangguan ${i}", employmentType: PNS, orgUnitId: $u }) { id } }`,
        { u: unit, nip },
        hr,
      );
      expect(result.errors).toBeUndefined();
      return nip;
    };
    const nips: string[] = [];
    for (let i = 0; i < 3; i += 1) nips.push(await register(i));
    await waitFor(
      async () => Number((await client.query('SELECT count(*) FROM effect WHERE nip = ANY($1)', [nips])).rows[0].count) === 3,
      60_000,
      'events before the outage',
    );

    await kafka('stop');
    expect(await answers(PORT)).toBe(false);
    const downSince = Date.now();
    // Changes go on while the broker is away: requests succeed, events wait in the outbox.
    for (let i = 3; i < 13; i += 1) {
      nips.push(await register(i));
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    expect(Date.now() - downSince).toBeGreaterThanOrEqual(20_000);
    expect(await identity.service.relay.backlog()).toBeGreaterThanOrEqual(10);
    await kafka('start');

    await waitFor(
      async () => Number((await client.query('SELECT count(*) FROM effect WHERE nip = ANY($1)', [nips])).rows[0].count) === 13,
      90_000,
      'every event after the outage',
    );
    const { rows } = await client.query<{ nip: string; n: string }>('SELECT nip, count(*) AS n FROM effect WHERE nip = ANY($1) GROUP BY nip', [nips]);
    expect(rows).toHaveLength(13);
    expect(rows.every((row) => row.n === '1')).toBe(true);
    expect(await identity.service.relay.backlog()).toBe(0);
  }, 240_000);
});
