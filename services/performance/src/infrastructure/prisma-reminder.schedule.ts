import { claimReminders, type ReminderKeyColumn } from '@kinerja/messaging';

import type { ClaimedReminder, ReminderSchedule } from '../application/schedule-deadline-reminders.command';
import type { ReminderFacts } from '../domain/reminder.rule';
import type { PerformancePrisma } from './prisma-client';

/** The order reminders are claimed in (their locks taken in), the same on every replica. */
const KEY: readonly ReminderKeyColumn[] = ['recipient', 'step', 'subject', 'deadline', 'days'];

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

  claim(agencyId: string, reminders: readonly ClaimedReminder[], now: Date): Promise<number> {
    return claimReminders(this.prisma, { producer: 'performance', agencyId, reminders, now, key: KEY }, this.afterOutboxCommit);
  }
}
