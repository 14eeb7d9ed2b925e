import { type AuditContext, auditRow, type SqlRunner } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { PerformanceDialogue } from '../domain/dialogue';
import type { DialogueRepository, PendingEvent } from '../domain/repositories';
import { dialogueOfRow, DIALOGUES_OF_EMPLOYEES_SQL } from './dashboard-reads.sql';
import { dialogueData, toDialogue } from './mappers';
import { outboxData } from './outbox';
import type { FeedbackPrisma } from './prisma-client';

export class PrismaDialogueRepository implements DialogueRepository {
  constructor(
    private readonly prisma: FeedbackPrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
    /** The driver, for the team dashboard's reads (no per-call query compilation). */
    private readonly sql?: SqlRunner,
  ) {}

  async byIds(ids: readonly string[]): Promise<PerformanceDialogue[]> {
    return (await this.prisma.performanceDialogue.findMany({ where: { id: { in: [...ids] } } })).map(toDialogue);
  }

  async ofEmployees(employeeIds: readonly string[]): Promise<PerformanceDialogue[]> {
    if (this.sql) {
      return (await this.sql.query<PerformanceDialogue>(DIALOGUES_OF_EMPLOYEES_SQL, [[...employeeIds]], { prepare: 'feedback_dialogues_of_employees' })).map(
        dialogueOfRow,
      );
    }
    const rows = await this.prisma.performanceDialogue.findMany({
      where: { employeeId: { in: [...employeeIds] } },
      // Recorded ones by the day they took place, due ones (no date yet) first: they ask for action.
      orderBy: [{ date: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }, { id: 'desc' }],
    });
    return rows.map(toDialogue);
  }

  async dueFollowUpOf(employeeId: string): Promise<PerformanceDialogue | null> {
    const row = await this.prisma.performanceDialogue.findFirst({ where: { employeeId, kind: 'FOLLOW_UP', status: 'DUE' }, orderBy: { dueBy: 'asc' } });
    return row ? toDialogue(row) : null;
  }

  async save(
    before: PerformanceDialogue | null,
    after: PerformanceDialogue,
    action: string,
    audit: AuditContext,
    events: readonly PendingEvent[],
  ): Promise<void> {
    const data = dialogueData(after);
    await this.prisma.$transaction(async (tx) => {
      if (before === null) await tx.performanceDialogue.create({ data });
      else {
        // Only from the state it was read in: two parties acting at once, the second finds it changed.
        const { count } = await tx.performanceDialogue.updateMany({ where: { id: before.id, status: before.status }, data });
        if (count === 0) throw new ConflictError('The dialogue changed meanwhile; read it again', { field: 'input.dialogueId' });
      }
      await tx.auditLog.create({
        data: auditRow(audit, { agencyId: after.agencyId, action, entityType: 'PerformanceDialogue', entityId: after.id, before, after }),
      });
      if (events.length > 0) await tx.outboxEvent.createMany({ data: outboxData(events) });
    });
    if (events.length > 0) this.afterOutboxCommit();
  }
}
