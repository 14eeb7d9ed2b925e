import { randomUUID } from 'node:crypto';

import { applyMigrations, type Database, openDatabase } from '@kinerja/database';
import { createEnvelope } from '@kinerja/events';

import { consumerOf } from '../../../test/support/deliver';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { recruitmentHandlers } from '../src/application/handlers/recruitment-handlers';
import { createPrismaClient, type RecruitmentPrisma } from '../src/infrastructure/prisma-client';
import { PrismaEventStore } from '../src/infrastructure/prisma-event.store';
import { recruitmentModule } from '../src/recruitment.module';

// An employee event that names another agency than the copy recruitment holds is not believed:
// believed, it would let another agency appoint the employee to its selection committees.
describe('recruitment doubts an employee event of another agency', () => {
  let testDatabase: TestDatabase;
  let database: Database;
  let prisma: RecruitmentPrisma;
  let consume: ReturnType<typeof consumerOf>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase('rec_agency_doubt');
    database = await openDatabase({ url: testDatabase.url, dataDir: '' });
    await applyMigrations(database.sql, recruitmentModule.migrationsDir);
    prisma = createPrismaClient(database);
    consume = consumerOf('recruitment', recruitmentHandlers(new PrismaEventStore(prisma)));
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.close();
    await testDatabase?.drop();
  });

  const registered = (employeeId: string, agencyId: string, occurredAt: Date) =>
    createEnvelope({
      id: randomUUID(),
      type: 'identity.employee.registered',
      agencyId,
      producer: 'identity',
      occurredAt,
      payload: {
        employeeId,
        nip: '198609262015051001',
        name: 'Budi Santoso',
        agencyId,
        orgUnitId: randomUUID(),
        positionId: null,
        supervisorEmployeeId: null,
        employmentType: 'PNS',
      },
    });

  it('dead-letters a registration of a held employee under another agency, with the reason; the copy stays', async () => {
    const employeeId = randomUUID();
    const agencyId = randomUUID();
    expect((await consume(registered(employeeId, agencyId, new Date('2026-01-01T00:00:00Z')))).outcome).toBe('handled');
    const forged = registered(employeeId, randomUUID(), new Date('2026-02-01T00:00:00Z'));

    const { outcome, deadLetters } = await consume(forged);

    expect(outcome).toBe('dead-lettered');
    expect(deadLetters[0]?.topic).toBe('identity.employee.registered.dlq');
    expect(deadLetters[0]?.headers['dlq-reason']).toMatch(new RegExp(`^AGENCY_MISMATCH: .*holds them under agency ${agencyId}`));
    expect(await prisma.employeeCopy.findUnique({ where: { employeeId } })).toMatchObject({ agencyId });
    expect(await prisma.processedEvent.count({ where: { eventId: forged.id } })).toBe(0);
  });
});
