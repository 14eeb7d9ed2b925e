import { openDatabase } from '@kinerja/database';
import type { Clock } from '@kinerja/kernel';

import { ScheduleDeadlineReminders } from '../src/application/schedule-deadline-reminders.command';
import { createPrismaClient } from '../src/infrastructure/prisma-client';
import { PrismaReminderSchedule } from '../src/infrastructure/prisma-reminder.schedule';
import type { PerformanceHarness } from './performance-harness';
import { startWithOrganisation } from './performance-harness';
import { approvedPlan, CREATE_PERIOD, ok } from './support/operations';

/** A clock the test moves: the schedule's "today" in the agency's zone (WIB). */
const movableClock = (iso: string) => {
  let now = new Date(iso);
  const clock: Clock & { set(iso: string): void } = { now: () => now, set: (next) => (now = new Date(next)) };
  return clock;
};

describe('deadline reminders: two schedulers at once over one PostgreSQL', () => {
  let h: PerformanceHarness;
  let org: Awaited<ReturnType<typeof startWithOrganisation>>['org'];
  let closeSecond: () => Promise<void>;
  let schedulers: [ScheduleDeadlineReminders, ScheduleDeadlineReminders];
  const clock = movableClock('2026-04-03T01:00:00Z'); // 08:00 WIB, 7 days before Q1's deadline (2026-04-10)

  beforeAll(async () => {
    ({ harness: h, org } = await startWithOrganisation('perf_remind'));
    const period = ok<{ id: string }>(
      await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2026, cadence: 'QUARTERLY', fillInDays: 10 } }, org.hrA),
      'createPerformancePeriod',
    );
    await approvedPlan(h, org.staff[0], org.supervisor.viewer, period.id);
    // The agency's choice (here the default, said out loud): a week before and the day before.
    const SET = `mutation ($input: SetPerformanceSettingsInput!) { setPerformanceSettings(input: $input) { reminderDaysBefore } }`;
    expect(ok(await h.gql(SET, { input: { agencyId: org.agencyA, reminderDaysBefore: [1, 7] } }, org.hrA), 'setPerformanceSettings')).toEqual({
      reminderDaysBefore: [1, 7],
    });
    // A second replica: its own connection pool and Prisma client, its own scheduler, the same clock.
    const second = await openDatabase({ url: h.database.url, dataDir: '', poolSize: 4 });
    const secondPrisma = createPrismaClient(second);
    closeSecond = async () => {
      await secondPrisma.$disconnect();
      await second.close();
    };
    const ids = { newId: () => crypto.randomUUID() };
    schedulers = [
      new ScheduleDeadlineReminders(new PrismaReminderSchedule(h.service.prisma), h.repositories.settings, clock, ids),
      new ScheduleDeadlineReminders(new PrismaReminderSchedule(secondPrisma), h.repositories.settings, clock, ids),
    ];
  });

  afterAll(async () => {
    await closeSecond?.();
    await h?.stop();
  });

  const reminderEvents = async () =>
    (await h.service.prisma.outboxEvent.findMany({ where: { type: 'performance.reminder.due' }, orderBy: { seq: 'asc' } })).map(
      (row) => (row.envelope as { payload: Record<string, unknown> }).payload,
    );

  it('claims each reminder once: plans not submitted, the missing realization, the supervisor’s assessment', async () => {
    const [a, b] = await Promise.all(schedulers.map((scheduler) => scheduler.execute()));
    const events = await reminderEvents();
    expect(a! + b!).toBe(events.length);
    const summary = events.map((e) => `${String(e['recipientEmployeeId'])}:${String(e['step'])}:${String(e['daysBefore'])}:${String(e['pending'])}`).sort();
    const agencyA = [org.head, org.supervisor, ...org.staff, org.otherSupervisor];
    const expected = [
      ...agencyA.filter((p) => p !== org.staff[0]).map((p) => `${p.employeeId}:PLAN_SUBMISSION:7:1`),
      `${org.staff[0].employeeId}:REALIZATION_REPORT:7:1`,
      `${org.supervisor.employeeId}:ASSESSMENT_FINALIZATION:7:1`,
    ].sort();
    expect(summary).toEqual(expected);
    expect(events.every((e) => e['deadline'] === '2026-04-10')).toBe(true);
  });

  it('runs again the same day and the next: nothing new; a day before the deadline: the 1-day reminders, once', async () => {
    const before = (await reminderEvents()).length;
    await Promise.all(schedulers.map((scheduler) => scheduler.execute()));
    clock.set('2026-04-04T01:00:00Z');
    await Promise.all(schedulers.map((scheduler) => scheduler.execute()));
    expect(await reminderEvents()).toHaveLength(before);
    clock.set('2026-04-09T10:00:00Z'); // 17:00 WIB on the 9th
    await Promise.all([...schedulers, ...schedulers].map((scheduler) => scheduler.execute()));
    const oneDay = (await reminderEvents()).filter((e) => e['daysBefore'] === 1);
    expect(oneDay).toHaveLength(before);
    clock.set('2026-04-11T01:00:00Z'); // past the deadline
    expect(await schedulers[0].execute()).toBe(0);
  });
});
