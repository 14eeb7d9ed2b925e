import { calendarDateOf, dateColumn } from '@kinerja/database';
import { type AuditContext, auditRow, type SqlRunner } from '@kinerja/database';
import { ConflictError, ValidationError } from '@kinerja/errors';

import { assertDraft, type FeedbackCycle, type FeedbackRequest } from '../domain/feedback-cycle';
import type { QuestionnaireItem } from '../domain/questionnaire';
import type { CycleTally, FeedbackCycleRepository, OpenRequest, PendingEvent } from '../domain/repositories';
import type { CycleStatus, RaterGroup } from '../domain/vocabulary';
import type { FeedbackCycle as CycleRow, Prisma } from '../generated/prisma/client';
import { OPEN_REQUESTS_SQL, openRequestOfRow, type OpenRequestRow } from './dashboard-reads.sql';
import { outboxData } from './outbox';
import type { FeedbackPrisma, FeedbackTransaction } from './prisma-client';

const toCycle = (row: CycleRow): FeedbackCycle => ({
  id: row.id,
  agencyId: row.agencyId,
  subjectId: row.subjectId,
  periodId: row.periodId,
  status: row.status,
  dueDate: calendarDateOf(row.dueDate),
  items: row.items as unknown as QuestionnaireItem[],
  startedByUserId: row.startedByUserId,
  createdAt: row.createdAt,
  closedAt: row.closedAt,
});

async function tallies(tx: FeedbackTransaction | FeedbackPrisma, cycleIds: readonly string[]): Promise<Map<string, CycleTally>> {
  const [scores, counts] = await Promise.all([
    tx.feedbackScore.findMany({ where: { cycleId: { in: [...cycleIds] } } }),
    tx.feedbackRequest.groupBy({ by: ['cycleId', 'group'], where: { cycleId: { in: [...cycleIds] } }, _count: { _all: true, answeredAt: true } }),
  ]);
  const result = new Map<string, CycleTally>(cycleIds.map((id) => [id, { sums: [], answered: new Map(), invited: new Map() }]));
  for (const score of scores) result.get(score.cycleId)?.sums.push({ group: score.group, value: score.value, sum: score.sum, count: score.count });
  for (const row of counts) {
    const tally = result.get(row.cycleId);
    tally?.invited.set(row.group as RaterGroup, row._count._all);
    tally?.answered.set(row.group as RaterGroup, row._count.answeredAt);
  }
  return result;
}

// Adds a submission's sums to the group's running totals in one statement per value.
const ADD_SCORE = `
INSERT INTO feedback_score (cycle_id, "group", value, sum, count) VALUES ($1::uuid, $2::"RaterGroup", $3::"CoreValue", $4, $5)
ON CONFLICT (cycle_id, "group", value) DO UPDATE SET sum = feedback_score.sum + EXCLUDED.sum, count = feedback_score.count + EXCLUDED.count`;

// Closes a batch of overdue cycles. SKIP LOCKED: a cycle another replica is closing, or a submission
// holds (FOR SHARE), is left for the next run; the outer status check drops a cycle that a
// concurrent transaction closed between the snapshot and the lock. Each cycle is closed once.
const CLOSE_DUE = `
UPDATE feedback_cycle SET status = 'CLOSED', closed_at = $2
WHERE status = 'OPEN' AND id IN (
  SELECT id FROM feedback_cycle WHERE status = 'OPEN' AND due_date < $1::date ORDER BY due_date, id LIMIT $3 FOR UPDATE SKIP LOCKED
)
RETURNING id`;

export class PrismaFeedbackCycleRepository implements FeedbackCycleRepository {
  constructor(
    private readonly prisma: FeedbackPrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
    /** The driver, for the team dashboard's reads (no per-call query compilation). */
    private readonly sql?: SqlRunner,
  ) {}

  async byIds(ids: readonly string[]): Promise<FeedbackCycle[]> {
    return (await this.prisma.feedbackCycle.findMany({ where: { id: { in: [...ids] } } })).map(toCycle);
  }

  async ofSubjectAndPeriod(subjectId: string, periodId: string): Promise<FeedbackCycle | null> {
    const row = await this.prisma.feedbackCycle.findUnique({ where: { subjectId_periodId: { subjectId, periodId } } });
    return row ? toCycle(row) : null;
  }

  async requestOf(cycleId: string, raterEmployeeId: string): Promise<FeedbackRequest | null> {
    return this.prisma.feedbackRequest.findUnique({
      where: { cycleId_raterEmployeeId: { cycleId, raterEmployeeId } },
      select: { id: true, cycleId: true, raterEmployeeId: true, group: true, answeredAt: true },
    });
  }

  async openRequestsOf(raterEmployeeIds: readonly string[], today: string): Promise<OpenRequest[]> {
    if (this.sql) {
      return (await this.sql.query<OpenRequestRow>(OPEN_REQUESTS_SQL, [[...raterEmployeeIds], today], { prepare: 'feedback_open_requests' })).map(
        openRequestOfRow,
      );
    }
    const rows = await this.prisma.feedbackRequest.findMany({
      where: { raterEmployeeId: { in: [...raterEmployeeIds] }, answeredAt: null, cycle: { status: 'OPEN', dueDate: { gte: dateColumn(today) } } },
      include: { cycle: true },
      orderBy: [{ cycle: { dueDate: 'asc' } }, { id: 'asc' }],
    });
    return rows.map(({ cycle, ...request }) => ({ request, cycle: toCycle(cycle) }));
  }

  talliesOf(cycleIds: readonly string[]): Promise<Map<string, CycleTally>> {
    return tallies(this.prisma, cycleIds);
  }

  async start(cycle: FeedbackCycle, requests: readonly FeedbackRequest[], audit: AuditContext): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.feedbackCycle.create({
        data: { ...cycle, dueDate: dateColumn(cycle.dueDate), items: cycle.items as unknown as Prisma.InputJsonValue },
      }),
      this.prisma.feedbackRequest.createMany({ data: [...requests] }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          agencyId: cycle.agencyId,
          action: 'feedback-cycle.started',
          entityType: 'FeedbackCycle',
          entityId: cycle.id,
          before: null,
          after: { ...cycle, items: cycle.items.map((item) => item.code), raters: requests.map((r) => ({ employeeId: r.raterEmployeeId, group: r.group })) },
        }),
      }),
    ]);
  }

  async submit(
    request: FeedbackRequest,
    answeredAt: Date,
    sums: readonly { group: string; value: string; sum: number; count: number }[],
    audit: AuditContext,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // A shared lock on the cycle: closing (which takes it exclusively) waits for submissions in flight and sees their sums.
      const [cycle] = await tx.$queryRawUnsafe<{ status: string }[]>(`SELECT status FROM feedback_cycle WHERE id = $1::uuid FOR SHARE`, request.cycleId);
      if (cycle?.status === 'DRAFT') throw new ConflictError('This feedback cycle is not open yet', { field: 'input.cycleId', reason: 'CYCLE_NOT_OPEN' });
      if (cycle?.status !== 'OPEN') throw new ConflictError('This feedback cycle is closed', { field: 'input.cycleId', reason: 'CYCLE_CLOSED' });
      const { count } = await tx.feedbackRequest.updateMany({ where: { id: request.id, answeredAt: null }, data: { answeredAt } });
      if (count === 0) throw new ConflictError('You have already answered this feedback cycle', { field: 'input.cycleId', reason: 'ALREADY_ANSWERED' });
      for (const sum of sums) await tx.$executeRawUnsafe(ADD_SCORE, request.cycleId, sum.group, sum.value, sum.sum, sum.count);
      // The audit names the request and the time, never the scores.
      await tx.auditLog.create({
        data: auditRow(audit, {
          agencyId: null,
          action: 'feedback-request.answered',
          entityType: 'FeedbackCycle',
          entityId: request.cycleId,
          before: null,
          after: { requestId: request.id, answeredAt },
        }),
      });
    });
  }

  async requestsOf(cycleId: string): Promise<FeedbackRequest[]> {
    return this.prisma.feedbackRequest.findMany({
      where: { cycleId },
      select: { id: true, cycleId: true, raterEmployeeId: true, group: true, answeredAt: true },
      orderBy: [{ group: 'asc' }, { raterEmployeeId: 'asc' }],
    });
  }

  async changeRaters(cycle: FeedbackCycle, change: { add: FeedbackRequest } | { remove: FeedbackRequest }, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // Opening takes the same lock: a rater is never added to a cycle that opened meanwhile.
      const [row] = await tx.$queryRawUnsafe<{ status: string }[]>(`SELECT status FROM feedback_cycle WHERE id = $1::uuid FOR UPDATE`, cycle.id);
      assertDraft({ status: (row?.status ?? 'CLOSED') as CycleStatus });
      if ('add' in change) {
        const { count } = await tx.feedbackRequest.createMany({ data: [change.add], skipDuplicates: true });
        if (count === 0) throw new ConflictError('This employee is already a rater of the cycle', { field: 'input.raterId', reason: 'ALREADY_A_RATER' });
      } else {
        const { count } = await tx.feedbackRequest.deleteMany({ where: { id: change.remove.id, cycleId: cycle.id } });
        if (count === 0) throw new ValidationError({ field: 'input.raterId', message: 'is not a rater of this cycle' });
      }
      const request = 'add' in change ? change.add : change.remove;
      await tx.auditLog.create({
        data: auditRow(audit, {
          agencyId: cycle.agencyId,
          action: 'add' in change ? 'feedback-cycle.rater-added' : 'feedback-cycle.rater-removed',
          entityType: 'FeedbackCycle',
          entityId: cycle.id,
          before: 'add' in change ? null : { employeeId: request.raterEmployeeId, group: request.group },
          after: 'add' in change ? { employeeId: request.raterEmployeeId, group: request.group } : null,
        }),
      });
    });
  }

  async open(cycle: FeedbackCycle, dueDate: string, items: readonly QuestionnaireItem[], audit: AuditContext): Promise<FeedbackCycle> {
    await this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ status: string }[]>(`SELECT status FROM feedback_cycle WHERE id = $1::uuid FOR UPDATE`, cycle.id);
      assertDraft({ status: (row?.status ?? 'CLOSED') as CycleStatus });
      if ((await tx.feedbackRequest.count({ where: { cycleId: cycle.id } })) === 0)
        throw new ConflictError('A feedback cycle opens with at least one rater', { field: 'input.cycleId', reason: 'NO_RATERS' });
      await tx.feedbackCycle.update({
        where: { id: cycle.id },
        data: { status: 'OPEN', dueDate: dateColumn(dueDate), items: items as unknown as Prisma.InputJsonValue },
      });
      await tx.auditLog.create({
        data: auditRow(audit, {
          agencyId: cycle.agencyId,
          action: 'feedback-cycle.opened',
          entityType: 'FeedbackCycle',
          entityId: cycle.id,
          before: { status: cycle.status, dueDate: cycle.dueDate, items: cycle.items.map((item) => item.code) },
          after: { status: 'OPEN', dueDate, items: items.map((item) => item.code) },
        }),
      });
    });
    return { ...cycle, status: 'OPEN', dueDate, items: [...items] };
  }

  async close(
    cycle: FeedbackCycle,
    closedAt: Date,
    audit: AuditContext,
    eventsOf: (closed: FeedbackCycle, tally: CycleTally) => readonly PendingEvent[],
  ): Promise<FeedbackCycle> {
    const closed: FeedbackCycle = { ...cycle, status: 'CLOSED', closedAt };
    let events: readonly PendingEvent[] = [];
    await this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ status: string }[]>(`SELECT status FROM feedback_cycle WHERE id = $1::uuid FOR UPDATE`, cycle.id);
      if (row?.status === 'DRAFT') throw new ConflictError('This feedback cycle has not opened', { field: 'cycleId', reason: 'CYCLE_NOT_OPEN' });
      if (row?.status !== 'OPEN') throw new ConflictError('This feedback cycle is already closed', { field: 'cycleId' });
      await tx.feedbackCycle.update({ where: { id: cycle.id }, data: { status: 'CLOSED', closedAt } });
      const tally = (await tallies(tx, [cycle.id])).get(cycle.id) as CycleTally;
      events = eventsOf(closed, tally);
      await tx.auditLog.create({
        data: auditRow(audit, {
          agencyId: cycle.agencyId,
          action: 'feedback-cycle.closed',
          entityType: 'FeedbackCycle',
          entityId: cycle.id,
          before: { status: cycle.status },
          after: { status: 'CLOSED', closedAt },
        }),
      });
      if (events.length > 0) await tx.outboxEvent.createMany({ data: outboxData(events) });
    });
    if (events.length > 0) this.afterOutboxCommit();
    return closed;
  }

  async closeDue(
    today: string,
    closedAt: Date,
    limit: number,
    audit: AuditContext,
    eventsOf: (closed: FeedbackCycle, tally: CycleTally) => readonly PendingEvent[],
  ): Promise<FeedbackCycle[]> {
    let closed: FeedbackCycle[] = [];
    let events: PendingEvent[] = [];
    await this.prisma.$transaction(async (tx) => {
      const ids = (await tx.$queryRawUnsafe<{ id: string }[]>(CLOSE_DUE, today, closedAt, limit)).map((row) => row.id);
      if (ids.length === 0) return;
      closed = (await tx.feedbackCycle.findMany({ where: { id: { in: ids } }, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }] })).map(toCycle);
      const tallyOf = await tallies(tx, ids);
      events = closed.flatMap((cycle) => [...eventsOf(cycle, tallyOf.get(cycle.id) as CycleTally)]);
      await tx.auditLog.createMany({
        data: closed.map((cycle) =>
          auditRow(audit, {
            agencyId: cycle.agencyId,
            action: 'feedback-cycle.closed',
            entityType: 'FeedbackCycle',
            entityId: cycle.id,
            before: { status: 'OPEN', dueDate: cycle.dueDate },
            after: { status: 'CLOSED', closedAt, reason: 'DUE_DATE_PASSED' },
          }),
        ),
      });
      if (events.length > 0) await tx.outboxEvent.createMany({ data: outboxData(events) });
    });
    if (events.length > 0) this.afterOutboxCommit();
    return closed;
  }
}
