import { randomUUID } from 'node:crypto';

import { applyMigrations, type Database, openDatabase } from '@kinerja/database';
import { createEnvelope, type EventEnvelope } from '@kinerja/events';
import type { EventHandler } from '@kinerja/messaging';

import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { recruitmentHandlers } from '../src/application/handlers/recruitment-handlers';
import { createPrismaClient, type RecruitmentPrisma } from '../src/infrastructure/prisma-client';
import { PrismaEventStore } from '../src/infrastructure/prisma-event.store';
import { recruitmentModule } from '../src/recruitment.module';

// recruitment's handlers called the way the consumer calls them, on a real database: no broker.
describe('recruitment event handlers', () => {
  let testDatabase: TestDatabase;
  let database: Database;
  let prisma: RecruitmentPrisma;
  let deliver: (event: EventEnvelope) => Promise<void>;
  const agencyId = randomUUID();

  beforeAll(async () => {
    testDatabase = await createTestDatabase('recruitment_handlers');
    database = await openDatabase({ url: testDatabase.url, dataDir: '' });
    await applyMigrations(database.sql, recruitmentModule.migrationsDir);
    prisma = createPrismaClient(database);
    const handlers = recruitmentHandlers(new PrismaEventStore(prisma));
    deliver = async (event) => {
      const handler = handlers[event.type] as EventHandler | undefined;
      if (!handler) throw new Error(`recruitment has no handler for ${event.type}`);
      await handler(event);
    };
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.close();
    await testDatabase?.drop();
  });

  const completed = (employeeId: string, programTitle: string) =>
    createEnvelope({
      id: randomUUID(),
      type: 'development.training.completed',
      agencyId,
      producer: 'development',
      occurredAt: new Date(),
      payload: {
        assignmentId: randomUUID(),
        employeeId,
        programId: randomUUID(),
        programTitle,
        jp: 16,
        competencies: ['MNJ-INTEGRITAS'],
        completedAt: '2026-11-30T03:00:00.000Z',
        certificateNumber: 'CERT-1',
      },
    });

  const registered = (employeeId: string, name: string, occurredAt: Date) =>
    createEnvelope({
      id: randomUUID(),
      type: 'identity.employee.registered',
      agencyId,
      producer: 'identity',
      occurredAt,
      payload: {
        employeeId,
        agencyId,
        orgUnitId: randomUUID(),
        positionId: null,
        name,
        nip: '199001012020121001',
        employmentType: 'PNS',
        supervisorEmployeeId: null,
      },
    });

  it('records the committee training once, claimed with the event, and ignores other programmes', async () => {
    const trained = randomUUID();
    const other = randomUUID();
    const event = completed(trained, 'Pelatihan Panitia Seleksi ASN');
    await deliver(event);
    await Promise.all([deliver(event), deliver(event)]);
    await deliver(completed(other, 'Latsar CPNS'));

    expect(await prisma.committeeTraining.findMany({ where: { employeeId: { in: [trained, other] } } })).toEqual([
      expect.objectContaining({ employeeId: trained, programTitle: 'Pelatihan Panitia Seleksi ASN', completedAt: new Date('2026-11-30T03:00:00.000Z') }),
    ]);
    expect(await prisma.processedEvent.count({ where: { eventId: event.id, consumer: 'recruitment' } })).toBe(1);
  });

  it('keeps the employee copy as of the latest event, ignoring an older one arriving late', async () => {
    const employeeId = randomUUID();
    await deliver(registered(employeeId, 'Rina', new Date('2026-01-01T00:00:00Z')));
    await deliver(registered(employeeId, 'Rina Wati, S.Psi.', new Date('2026-03-01T00:00:00Z')));
    await deliver(registered(employeeId, 'Stale', new Date('2026-02-01T00:00:00Z')));
    expect(await prisma.employeeCopy.findUniqueOrThrow({ where: { employeeId } })).toMatchObject({ agencyId, name: 'Rina Wati, S.Psi.', status: 'ACTIVE' });
  });
});
