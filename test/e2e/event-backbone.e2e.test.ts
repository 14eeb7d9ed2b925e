import { randomUUID } from 'node:crypto';

import { createEnvelope, parseEnvelope } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';
import { claimEvent, EventConsumer, KafkaTransport, toMessage } from '@kinerja/messaging';
import { Client } from 'pg';

import { type IdentityHarness, startIdentityOnPostgres } from '../../services/identity/test/identity-harness';
import { graphql, login } from '../support/graphql-client';
import { kafkaClient, readTopic, testBrokers, topicEnds, waitFor } from '../support/kafka';
import { createTestDatabase, type TestDatabase } from '../support/postgres';

const logger = createLogger({ name: 'test', level: 'silent' });

/** A consumer's effects table: what a handler did, keyed by event, in the handler's transaction. */
async function effectsDatabase(): Promise<{ db: TestDatabase; client: Client }> {
  const db = await createTestDatabase('effects');
  const client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query(`CREATE TABLE processed_event (event_id uuid, consumer text, processed_at timestamptz DEFAULT now(), PRIMARY KEY (event_id, consumer));
    CREATE TABLE effect (event_id uuid, employee_id text, seq int, created_at timestamptz DEFAULT clock_timestamp())`);
  return { db, client };
}

/**
 * A handler with an effect, idempotent the way every service's handlers are. The topics outlive
 * test runs, so it only acts on the employees of its own test.
 */
function recordingHandler(client: Client, consumer: string, calls: string[], employees: readonly string[]) {
  return async (event: { id: string; payload: { employeeId: string; name: string } }) => {
    if (!employees.includes(event.payload.employeeId)) return;
    calls.push(event.id);
    await client.query('BEGIN');
    try {
      if (await claimEvent(async (sql, ...values) => (await client.query(sql, values)).rowCount ?? 0, consumer, event.id)) {
        await client.query('INSERT INTO effect (event_id, employee_id, seq) VALUES ($1, $2, $3)', [
          event.id,
          event.payload.employeeId,
          Number(event.payload.name.split(' ').at(-1)),
        ]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };
}

function registeredEvent(employeeId: string, seq: number, agencyId = randomUUID()) {
  return createEnvelope({
    id: randomUUID(),
    type: 'identity.employee.registered',
    agencyId,
    producer: 'test',
    payload: {
      employeeId,
      nip: '198609262015051001',
      name: `Pegawai ${seq}`,
      agencyId,
      orgUnitId: randomUUID(),
      positionId: null,
      supervisorEmployeeId: null,
      employmentType: 'PNS',
    },
  });
}

describe('the event backbone on a real Kafka broker', () => {
  let identity: IdentityHarness;
  let transport: KafkaTransport;

  beforeAll(async () => {
    transport = new KafkaTransport({ brokers: testBrokers(), clientId: 'test-identity', logger });
    const { ensureTopics } = await import('@kinerja/messaging');
    await ensureTopics(transport.admin, { partitions: 3, replicationFactor: 1 });
    identity = await startIdentityOnPostgres('events', { transport });
  });
  afterAll(async () => {
    await identity?.stop();
    await transport?.close();
  });

  it('puts one valid event on the topic when an employee is registered', async () => {
    const hr = await login(identity.url, { email: 'hr.muaratebo@kinerja.demo' });
    const unit = (await graphql(identity.url, '{ me { orgUnit { id } } }', {}, hr)).data?.['me'].orgUnit.id;
    // The topic outlives test runs: a NIP of this run only (the sequence digits vary).
    const nip = `199703152022031${String(100 + Math.floor(Math.random() * 900))}`;
    const since = await topicEnds('identity.employee.registered');
    const result = await graphql(
      identity.url,
      `mutation ($u: ID!) { registerEmployee(input: { nip: "${nip}", name: "Dimas Anggara", employmentType: CPNS, orgUnitId: $u }) { id } }`,
      { u: unit },
      hr,
    );
    expect(result.errors).toBeUndefined();
    const id = result.data?.['registerEmployee'].id;
    const records = await readTopic('identity.employee.registered', (all) => all.some((r) => r.key === id), undefined, undefined, since);
    const mine = records.filter((record) => record.key === id);
    expect(mine).toHaveLength(1);
    const envelope = parseEnvelope(mine[0]!.value);
    expect(envelope).toMatchObject({
      type: 'identity.employee.registered',
      version: 1,
      producer: 'identity',
      payload: { employeeId: id, nip, employmentType: 'CPNS' },
    });
    expect(mine[0]!.key).toBe(id);
    expect(mine[0]!.headers).toMatchObject({ 'event-id': envelope.id, 'event-type': 'identity.employee.registered', 'agency-id': envelope.agencyId });
  });

  it('creates the CPNS employee of a hire once, however often the event arrives', async () => {
    const unit = await identity.service.prisma.orgUnit.findFirstOrThrow({ where: { agency: { code: 'KOTA-KOTALAMA' }, code: 'DINKES' } });
    const applicationId = randomUUID();
    const hired = createEnvelope({
      id: randomUUID(),
      type: 'recruitment.applicant.hired',
      agencyId: unit.agencyId,
      producer: 'recruitment',
      payload: {
        applicationId,
        applicantId: randomUUID(),
        vacancyId: randomUUID(),
        agencyId: unit.agencyId,
        orgUnitId: unit.id,
        positionId: null,
        name: 'Putri Ayu',
        nip: '199801012023012001',
        email: null,
        employmentType: 'CPNS',
      },
    });
    const again = { ...hired, id: randomUUID() };
    await transport.publish([
      toMessage('recruitment.applicant.hired', hired.payload.applicantId, hired),
      toMessage('recruitment.applicant.hired', hired.payload.applicantId, hired),
      toMessage('recruitment.applicant.hired', hired.payload.applicantId, again),
    ]);
    await waitFor(
      async () => (await identity.service.prisma.processedEvent.count({ where: { eventId: { in: [hired.id, again.id] } } })) === 2,
      30_000,
      'both hire events handled',
    );
    const employees = await identity.service.prisma.employee.findMany({ where: { nip: '199801012023012001' } });
    expect(employees).toHaveLength(1);
    expect(employees[0]).toMatchObject({ employmentType: 'CPNS', orgUnitId: unit.id, hiredFromApplicationId: applicationId });
  });

  describe('consumers', () => {
    let effects: { db: TestDatabase; client: Client };
    beforeAll(async () => {
      effects = await effectsDatabase();
    });
    afterAll(async () => {
      await effects?.client.end();
      await effects?.db.drop();
    });

    it('dead-letter a poison event with its reason and keep handling the ones after it', async () => {
      const consumerName = `poison-${randomUUID().slice(0, 8)}`;
      const calls: string[] = [];
      const employeeId = randomUUID();
      const before = registeredEvent(employeeId, 1);
      const after = registeredEvent(employeeId, 2);
      const invalid = { ...registeredEvent(employeeId, 3), payload: { employeeId, nip: 'not-a-nip' } };
      await transport.publish([
        toMessage('identity.employee.registered', employeeId, before),
        { topic: 'identity.employee.registered', key: employeeId, value: '{ this is not json', headers: { 'event-id': 'garbage' } },
        { topic: 'identity.employee.registered', key: employeeId, value: JSON.stringify(invalid), headers: {} },
        toMessage('identity.employee.registered', employeeId, after),
      ]);
      const consumer = new EventConsumer({
        consumer: consumerName,
        transport,
        logger,
        handlers: { 'identity.employee.registered': recordingHandler(effects.client, consumerName, calls, [employeeId]) },
      });
      await consumer.start();
      await waitFor(async () => calls.includes(after.id), 30_000, 'the event after the poison');
      await consumer.stop();
      // This consumer's group reads the shared topic from its start: other tests' dead letters (e.g.
      // future-dated events) would be its too, so only this employee's messages are compared.
      const ours = (record: { key: string; headers: Record<string, string> }) => record.headers['dlq-consumer'] === consumerName && record.key === employeeId;
      const dead = await readTopic('identity.employee.registered.dlq', (all) => all.filter(ours).length >= 2);
      const mine = dead.filter(ours);
      expect(mine.map((record) => record.headers['dlq-reason'])).toEqual([
        expect.stringMatching(/^INVALID_EVENT: not JSON/),
        expect.stringMatching(/^INVALID_EVENT: .*payload is invalid/),
      ]);
      expect(mine[0]!.value).toBe('{ this is not json');
      expect(mine[0]!.headers['event-id']).toBe('garbage');
    });

    it('give a redelivered event no second effect after a consumer died before committing', async () => {
      const consumerName = `crash-${randomUUID().slice(0, 8)}`;
      const employeeId = randomUUID();
      const events = [1, 2, 3, 4, 5].map((seq) => registeredEvent(employeeId, seq));
      await transport.publish(events.map((event) => toMessage('identity.employee.registered', employeeId, event)));
      // The first incarnation handles everything (its effects commit) but dies before committing offsets.
      const calls: string[] = [];
      const handle = recordingHandler(effects.client, consumerName, calls, [employeeId]);
      const crashing = kafkaClient().consumer({ groupId: consumerName });
      await crashing.connect();
      await crashing.subscribe({ topic: 'identity.employee.registered', fromBeginning: true });
      await crashing.run({
        autoCommit: false,
        eachMessage: async ({ message }) => {
          // Earlier runs left poison messages on the shared topic: skip what does not parse.
          const event = (() => {
            try {
              return parseEnvelope(message.value!.toString());
            } catch {
              return null;
            }
          })();
          if (event) await handle(event as never);
        },
      });
      await waitFor(async () => events.every((event) => calls.includes(event.id)), 30_000, 'first delivery');
      await crashing.disconnect();
      // The restarted consumer gets everything again from the last committed offset.
      const restarted = new EventConsumer({ consumer: consumerName, transport, logger, handlers: { 'identity.employee.registered': handle } });
      await restarted.start();
      await waitFor(async () => events.every((event) => calls.filter((id) => id === event.id).length >= 2), 30_000, 'redelivery');
      await restarted.stop();
      const { rows } = await effects.client.query<{ count: string }>('SELECT count(*) FROM effect WHERE employee_id = $1', [employeeId]);
      expect(Number(rows[0]!.count)).toBe(5);
    });

    it('keep the events of one employee in order across partitions and a restart', async () => {
      const consumerName = `order-${randomUUID().slice(0, 8)}`;
      const employees: string[] = Array.from({ length: 6 }, () => randomUUID());
      const batches = [0, 1].map((half) => employees.flatMap((employeeId) => Array.from({ length: 10 }, (_, i) => registeredEvent(employeeId, half * 10 + i))));
      const calls: string[] = [];
      const handlers = { 'identity.employee.registered': recordingHandler(effects.client, consumerName, calls, employees) };
      const before = await topicEnds('identity.employee.registered');
      await transport.publish(batches[0]!.map((event) => toMessage('identity.employee.registered', event.payload.employeeId, event)));
      const first = new EventConsumer({ consumer: consumerName, transport, logger, handlers });
      await first.start();
      await waitFor(async () => calls.length >= 30, 60_000, 'some events');
      await first.stop();
      await transport.publish(batches[1]!.map((event) => toMessage('identity.employee.registered', event.payload.employeeId, event)));
      const second = new EventConsumer({ consumer: consumerName, transport, logger, handlers });
      await second.start();
      const total = batches[0]!.length + batches[1]!.length;
      await waitFor(
        async () => Number((await effects.client.query('SELECT count(*) FROM effect WHERE employee_id = ANY($1)', [employees])).rows[0].count) === total,
        30_000,
        'all events',
      );
      await second.stop();
      const ours = (
        await readTopic('identity.employee.registered', (all) => all.filter((r) => employees.includes(r.key)).length >= total, undefined, undefined, before)
      ).filter((r) => employees.includes(r.key));
      const partitions = new Set(ours.map((record) => record.partition));
      expect(partitions.size).toBeGreaterThan(1);
      for (const employeeId of employees) {
        const { rows } = await effects.client.query<{ seq: number }>('SELECT seq FROM effect WHERE employee_id = $1 ORDER BY created_at', [employeeId]);
        expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      }
    });
  });
});
