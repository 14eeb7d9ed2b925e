import { randomUUID } from 'node:crypto';

import { createEnvelope } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';
import { ensureTopics, KafkaTransport, toMessage } from '@kinerja/messaging';
import { Client } from 'pg';

import { graphql, LOGIN, login } from '../support/graphql-client';
import { testBrokers, waitFor } from '../support/kafka';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { startProcess } from '../support/processes';

const logger = createLogger({ name: 'test', level: 'silent' });

/** `count` hires into Siulak's education office, with NIPs of one appointment month (`MM`) so two tests never share one. */
async function hiresIntoSiulak(db: Client, count: number, appointmentMonth: string) {
  const unit = await db.query<{ id: string; agency_id: string }>(
    `SELECT u.id, u.agency_id FROM org_unit u JOIN agency a ON a.id = u.agency_id WHERE a.code = 'KAB-SIULAK' AND u.code = 'DISDIK'`,
  );
  const { id: orgUnitId, agency_id: agencyId } = unit.rows[0]!;
  return Array.from({ length: count }, (_, i) =>
    createEnvelope({
      id: randomUUID(),
      type: 'recruitment.applicant.hired',
      agencyId,
      producer: 'recruitment',
      payload: {
        applicationId: randomUUID(),
        applicantId: randomUUID(),
        vacancyId: randomUUID(),
        agencyId,
        orgUnitId,
        positionId: null,
        name: `CPNS Baru ${appointmentMonth}-${i}`,
        nip: `199901012024${appointmentMonth}1${String(100 + i).padStart(3, '0')}`,
        email: null,
        employmentType: 'CPNS',
      },
    }),
  );
}

async function countProcessed(db: Client, events: readonly { id: string }[]): Promise<number> {
  const { rows } = await db.query<{ count: string }>('SELECT count(*) FROM processed_event WHERE event_id = ANY($1)', [events.map((event) => event.id)]);
  return Number(rows[0]!.count);
}

async function employeesPerHire(db: Client, hires: readonly { payload: { applicationId: string } }[]): Promise<number[]> {
  const { rows } = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM employee WHERE hired_from_application_id = ANY($1) GROUP BY hired_from_application_id',
    [hires.map((hire) => hire.payload.applicationId)],
  );
  return rows.map((row) => Number(row.n));
}

// A rolling deploy sends SIGTERM: the process must finish what it has in hand and lose nothing.
describe('shutdown: SIGTERM drains, SIGKILL loses nothing', () => {
  let database: TestDatabase;
  let db: Client;
  let transport: KafkaTransport;
  const env = () => ({ DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'development', SEED_DEMO_DATA: 'auto', KAFKA_BROKERS: testBrokers().join(',') });

  beforeAll(async () => {
    database = await createTestDatabase('shutdown');
    transport = new KafkaTransport({ brokers: testBrokers(), clientId: 'shutdown-test', logger });
    await ensureTopics(transport.admin, { partitions: 3, replicationFactor: 1 });
    db = new Client({ connectionString: database.url });
  });
  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await transport?.close();
    await database?.drop();
  });

  it('answers the request in flight, publishes what the outbox holds and exits 0', async () => {
    const identity = await startProcess('services/identity/dist/main.js', env());
    const hr = await login(identity.url, { email: 'hr.kotalama@kinerja.demo' });
    const unit = (await graphql(identity.url, '{ me { orgUnit { id } } }', {}, hr)).data?.['me'].orgUnit.id;
    const nip = `199202022019021${100 + Math.floor(Math.random() * 899)}`;
    await graphql(
      identity.url,
      `mutation ($u: ID!) { registerEmployee(input: { nip: "${nip}", name: "Sebelum Berhenti", employmentType: PNS, orgUnitId: $u }) { id } }`,
      { u: unit },
      hr,
    );
    // A login hashes with scrypt (tens of ms): SIGTERM arrives while it runs.
    const inFlight = graphql(identity.url, LOGIN, { input: { email: 'admin@kinerja.demo', password: 'kinerja-demo' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exited = identity.stop();
    const answer = await inFlight;
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['login'].accessToken).toEqual(expect.any(String));
    expect(await exited).toBe(0);
    await db.connect();
    const { rows } = await db.query<{ pending: string }>('SELECT count(*) AS pending FROM outbox_event WHERE published_at IS NULL');
    expect(Number(rows[0]!.pending)).toBe(0);
  });

  it('lets an event handled during shutdown take effect once, with a restart in between', async () => {
    const hires = await hiresIntoSiulak(db, 20, '01');
    let identity = await startProcess('services/identity/dist/main.js', env());
    await transport.publish(hires.map((hire) => toMessage('recruitment.applicant.hired', hire.payload.applicantId, hire)));
    // Stop as soon as the first hire has landed, with the rest still being handled or not yet fetched.
    await waitFor(async () => (await countProcessed(db, hires)) > 0, 30_000, 'the first hire');
    expect(await identity.stop()).toBe(0);
    // The next incarnation picks up where the group's committed offset left it; redeliveries are absorbed.
    identity = await startProcess('services/identity/dist/main.js', env());
    await waitFor(async () => (await countProcessed(db, hires)) === hires.length, 60_000, 'every hire');
    expect(await identity.stop()).toBe(0);
    expect(await employeesPerHire(db, hires)).toEqual(hires.map(() => 1));
  });

  it('gives every hire exactly one effect when the consumer is killed (SIGKILL) before committing its offsets', async () => {
    const hires = await hiresIntoSiulak(db, 20, '02');
    const identity = await startProcess('services/identity/dist/main.js', env());
    await transport.publish(hires.map((hire) => toMessage('recruitment.applicant.hired', hire.payload.applicantId, hire)));
    // Offsets are committed every 100 messages or second: killed right after the first effects,
    // the group's committed offsets are behind what the database already holds.
    await waitFor(async () => (await countProcessed(db, hires)) > 0, 30_000, 'the first hire');
    identity.child.kill('SIGKILL');
    await new Promise((resolve) => identity.child.once('exit', resolve));
    // The next incarnation waits out the dead member's session, then gets the uncommitted hires again.
    const restarted = await startProcess('services/identity/dist/main.js', env());
    await waitFor(async () => (await countProcessed(db, hires)) === hires.length, 90_000, 'every hire after the restart');
    expect(await restarted.stop()).toBe(0);
    expect(await employeesPerHire(db, hires)).toEqual(hires.map(() => 1));
  }, 150_000);
});
