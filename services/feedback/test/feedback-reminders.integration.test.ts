import { randomUUID } from 'node:crypto';

import { dateColumn } from '@kinerja/database';
import { applyMigrations, type Database, openDatabase } from '@kinerja/database';
import { randomIds } from '@kinerja/kernel';

import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { ScheduleFeedbackReminders } from '../src/application/schedule-feedback-reminders.command';
import { SetFeedbackSettings } from '../src/application/set-feedback-settings.command';
import { DEFAULT_QUESTIONNAIRE } from '../src/domain/questionnaire';
import { feedbackModule } from '../src/feedback.module';
import { PrismaAgencySettingsRepository } from '../src/infrastructure/prisma-agency-settings.repository';
import { createPrismaClient, type FeedbackPrisma } from '../src/infrastructure/prisma-client';
import { PrismaFeedbackReminderSchedule } from '../src/infrastructure/prisma-feedback-reminder.schedule';
import { viewers } from './feedback-harness';

// Two replicas' schedulers at the same moment over one database: each rater gets one reminder per
// due date and number of days before, for all their unanswered requests.
describe('360° reminders: two schedulers at once', () => {
  let testDatabase: TestDatabase;
  const databases: Database[] = [];
  const clients: FeedbackPrisma[] = [];
  let now = new Date('2026-06-23T02:00:00Z'); // 09:00 WIB, 7 days before 2026-06-30
  const clock = { now: () => now };

  beforeAll(async () => {
    testDatabase = await createTestDatabase('fb_remind');
    for (let i = 0; i < 2; i += 1) databases.push(await openDatabase({ url: testDatabase.url, dataDir: '', poolSize: 4 }));
    await applyMigrations(databases[0]!.sql, feedbackModule.migrationsDir);
    clients.push(...databases.map((database) => createPrismaClient(database)));
  });
  afterAll(async () => {
    for (const client of clients) await client.$disconnect();
    for (const database of databases) await database.close();
    await testDatabase?.drop();
  });

  it('claims one reminder per rater and due date; again and the next days: nothing new until the 1-day one', async () => {
    const prisma = clients[0]!;
    const agencyId = randomUUID();
    const raters = [randomUUID(), randomUUID(), randomUUID()];
    const left = randomUUID();
    await prisma.employeeCopy.createMany({
      data: [...raters, left].map((employeeId, i) => ({
        employeeId,
        agencyId,
        orgUnitId: randomUUID(),
        supervisorEmployeeId: null,
        name: `Penilai ${i}`,
        status: employeeId === left ? ('LEFT' as const) : ('ACTIVE' as const),
        lastEventAt: now,
      })),
    });
    const cycle = async (dueDate: string, status: 'OPEN' | 'CLOSED', requests: { rater: string; answered: boolean }[]) => {
      const id = randomUUID();
      await prisma.feedbackCycle.create({
        data: {
          id,
          agencyId,
          subjectId: randomUUID(),
          periodId: randomUUID(),
          status,
          dueDate: dateColumn(dueDate),
          items: DEFAULT_QUESTIONNAIRE.map((item) => ({ ...item })),
          startedByUserId: randomUUID(),
          createdAt: now,
        },
      });
      await prisma.feedbackRequest.createMany({
        data: requests.map((r) => ({ id: randomUUID(), cycleId: id, raterEmployeeId: r.rater, group: 'PEER' as const, answeredAt: r.answered ? now : null })),
      });
    };
    const [a, b, c] = raters as [string, string, string];
    // HR's choice for the agency (a week and a day before, the default said out loud); a bad one names the field.
    const settings = new SetFeedbackSettings(new PrismaAgencySettingsRepository(prisma));
    const hr = { viewer: viewers.hrOf(agencyId), requestId: 'test' };
    await expect(settings.execute(hr, { agencyId, followUpDays: 14, reminderDaysBefore: [3, 3] })).rejects.toMatchObject({ field: 'input.reminderDaysBefore' });
    expect(await settings.execute(hr, { agencyId, followUpDays: 14, reminderDaysBefore: [1, 7] })).toEqual({
      agencyId,
      followUpDays: 14,
      reminderDaysBefore: [1, 7],
    });
    await cycle('2026-06-30', 'OPEN', [
      { rater: a, answered: false },
      { rater: b, answered: true },
      { rater: left, answered: false },
    ]);
    await cycle('2026-06-30', 'OPEN', [
      { rater: a, answered: false },
      { rater: c, answered: false },
    ]);
    await cycle('2026-06-30', 'CLOSED', [{ rater: b, answered: false }]);
    await cycle('2026-09-30', 'OPEN', [{ rater: b, answered: false }]);

    const schedulers = clients.map((client) => new ScheduleFeedbackReminders(new PrismaFeedbackReminderSchedule(client), clock, randomIds));
    const runAll = () => Promise.all([...schedulers, ...schedulers].map((scheduler) => scheduler.execute()));
    const events = async () =>
      (await prisma.outboxEvent.findMany({ where: { type: 'feedback.reminder.due' } })).map(
        (row) => (row.envelope as { payload: Record<string, unknown> }).payload,
      );

    const claimed = await runAll();
    expect(claimed.reduce((sum, n) => sum + n, 0)).toBe(2);
    expect((await events()).map((e) => [e['recipientEmployeeId'], e['daysBefore'], e['pending'], e['deadline']]).sort()).toEqual(
      [
        [a, 7, 2, '2026-06-30'],
        [c, 7, 1, '2026-06-30'],
      ].sort(),
    );
    await runAll();
    now = new Date('2026-06-25T02:00:00Z');
    await runAll();
    expect(await events()).toHaveLength(2);
    now = new Date('2026-06-29T02:00:00Z');
    await runAll();
    expect((await events()).filter((e) => e['daysBefore'] === 1)).toHaveLength(2);
  });
});
