import { claimChunks, reminderDueRows } from '@kinerja/messaging';

import type { ClaimedReminder, ReminderSchedule } from '../application/schedule-deadline-reminders.command';
import type { ReminderFacts } from '../domain/reminder.rule';
import type { PerformancePrisma } from './prisma-client';

/** Reminders claimed per transaction: a large agency's day does not hold one long transaction. */

const keyOf = (r: ClaimedReminder): string => `${r.recipientEmployeeId}|${r.step}|${r.subjectId}|${r.deadline}|${r.daysBefore}`;

export class PrismaReminderSchedule implements ReminderSchedule {
  constructor(
    private readonly prisma: PerformancePrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
  ) {}

  async agenciesWithOpenYears(): Promise<string[]> {
    const rows = await this.prisma.performancePeriod.findMany({
      where: { parentId: null, status: 'OPEN' },
      distinct: ['agencyId'],
      select: { agencyId: true },
    });
    return rows.map((row) => row.agencyId);
  }

  openPeriods(agencyId: string): Promise<ReminderFacts['periods']> {
    return this.prisma.$queryRaw<ReminderFacts['periods'][number][]>`
      SELECT p.id::text AS id, p.parent_id::text AS "parentId", p.fill_in_deadline::text AS "fillInDeadline"
      FROM performance_period p LEFT JOIN performance_period y ON y.id = p.parent_id
      WHERE p.agency_id = ${agencyId}::uuid AND p.status = 'OPEN' AND (y.id IS NULL OR y.status = 'OPEN')
      ORDER BY p.fill_in_deadline, p.id`;
  }

  async factsOf(agencyId: string, periods: ReminderFacts['periods']): Promise<ReminderFacts> {
    const annualIds = periods.filter((period) => period.parentId === null).map((period) => period.id);
    const periodIds = periods.map((period) => period.id);
    const employees = await this.prisma.employeeCopy.findMany({
      where: { agencyId, status: 'ACTIVE' },
      select: { employeeId: true, supervisorEmployeeId: true },
      orderBy: { employeeId: 'asc' },
    });
    const plans = await this.prisma.$queryRaw<ReminderFacts['plans'][number][]>`
      SELECT pl.id::text AS id, pl.period_id::text AS "periodId", pl.employee_id::text AS "employeeId", pl.status::text AS status,
             count(i.id)::int AS indicators
      FROM performance_plan pl
      LEFT JOIN work_result w ON w.plan_id = pl.id
      LEFT JOIN indicator i ON i.work_result_id = w.id
      WHERE pl.agency_id = ${agencyId}::uuid AND pl.period_id = ANY(${annualIds}::uuid[])
      GROUP BY pl.id ORDER BY pl.employee_id`;
    const planIds = plans.map((plan) => plan.id);
    const realized = await this.prisma.$queryRaw<ReminderFacts['realized'][number][]>`
      SELECT plan_id::text AS "planId", sub_period_id::text AS "subPeriodId", count(*)::int AS count
      FROM realization WHERE plan_id = ANY(${planIds}::uuid[]) AND sub_period_id = ANY(${periodIds}::uuid[])
      GROUP BY plan_id, sub_period_id`;
    const assessed = await this.prisma.assessment.findMany({
      where: { agencyId, periodId: { in: periodIds } },
      select: { planId: true, periodId: true },
    });
    return { periods, employees, plans, realized, assessed };
  }

  async claim(agencyId: string, reminders: readonly ClaimedReminder[], now: Date): Promise<number> {
    let claimed = 0;
    for (const chunk of claimChunks(reminders, keyOf)) {
      claimed += await this.prisma.$transaction(
        async (tx) => {
          // One statement per chunk, in the one order: a second replica inserting the same keys
          // waits for the first's commit, then inserts nothing; RETURNING names those claimed now.
          const inserted = await tx.$queryRaw<{ id: string }[]>`
            INSERT INTO reminder (id, agency_id, recipient_employee_id, step, subject_id, pending, deadline, days_before, created_at)
            SELECT r.id, ${agencyId}::uuid, r.recipient, r.step, r.subject, r.pending, r.deadline, r.days, ${now}
            FROM unnest(${chunk.map((r) => r.id)}::uuid[], ${chunk.map((r) => r.recipientEmployeeId)}::uuid[], ${chunk.map((r) => r.step)}::text[],
                        ${chunk.map((r) => r.subjectId)}::uuid[], ${chunk.map((r) => r.pending)}::int[], ${chunk.map((r) => r.deadline)}::date[],
                        ${chunk.map((r) => r.daysBefore)}::int[]) AS r(id, recipient, step, subject, pending, deadline, days)
            ORDER BY r.recipient, r.step, r.subject, r.deadline, r.days
            ON CONFLICT DO NOTHING
            RETURNING id::text AS id`;
          const rows = reminderDueRows('performance', agencyId, chunk, new Set(inserted.map((row) => row.id)));
          if (rows.length > 0) await tx.outboxEvent.createMany({ data: rows });
          return rows.length;
        },
        { timeout: 60_000 },
      );
    }
    if (claimed > 0) this.afterOutboxCommit();
    return claimed;
  }
}
