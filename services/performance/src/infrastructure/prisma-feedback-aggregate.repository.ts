import { auditRow } from '@kinerja/database';
import { claimEvent } from '@kinerja/messaging';

import type { FeedbackAggregate } from '../domain/feedback-aggregate';
import type { FeedbackAggregateRepository } from '../domain/repositories';
import type { FeedbackAggregate as Row } from '../generated/prisma/client';
import type { PerformancePrisma } from './prisma-client';
import { CONSUMER } from './prisma-employee-copy.repository';
import { onlyUuids } from './uuid';

const toAggregate = (row: Row): FeedbackAggregate => ({
  cycleId: row.cycleId,
  eventId: row.eventId,
  agencyId: row.agencyId,
  employeeId: row.employeeId,
  periodId: row.periodId,
  values: row.values as unknown as FeedbackAggregate['values'],
  completedAt: row.completedAt,
});

export class PrismaFeedbackAggregateRepository implements FeedbackAggregateRepository {
  constructor(private readonly prisma: PerformancePrisma) {}

  async ofEmployeesInPeriods(keys: readonly { employeeId: string; periodId: string }[]): Promise<Map<string, FeedbackAggregate>> {
    const employeeIds = onlyUuids(keys.map((key) => key.employeeId));
    const periodIds = onlyUuids(keys.map((key) => key.periodId));
    if (employeeIds.length === 0 || periodIds.length === 0) return new Map();
    const rows = await this.prisma.feedbackAggregate.findMany({
      where: { employeeId: { in: employeeIds }, periodId: { in: periodIds } },
      orderBy: { completedAt: 'asc' },
    });
    // The latest wins: later rows overwrite earlier ones.
    return new Map(rows.map((row) => [`${row.employeeId}|${row.periodId}`, toAggregate(row)]));
  }

  async recordFromEvent(aggregate: FeedbackAggregate): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await claimEvent((sql, ...values) => tx.$executeRawUnsafe(sql, ...values), CONSUMER, aggregate.eventId))) return false;
      const data = { ...aggregate, values: aggregate.values as unknown as object[] };
      // One row per cycle: a second completion event of the same cycle (a new event id) replaces it.
      await tx.feedbackAggregate.upsert({ where: { cycleId: aggregate.cycleId }, create: data, update: data });
      await tx.auditLog.create({
        data: auditRow(
          { actorUserId: null, requestId: `event:${aggregate.eventId}` },
          {
            action: 'feedback-aggregate.kept',
            entityType: 'FeedbackAggregate',
            entityId: aggregate.cycleId,
            agencyId: aggregate.agencyId,
            before: null,
            after: aggregate,
          },
        ),
      });
      return true;
    });
  }
}
