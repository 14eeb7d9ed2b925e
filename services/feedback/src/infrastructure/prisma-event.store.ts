import { type AuditContext, auditRow } from '@kinerja/database';
import { handleEventOnceWith } from '@kinerja/messaging';

import type { PerformanceDialogue } from '../domain/dialogue';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { EventStore, EventTransaction } from '../domain/repositories';
import { dialogueData, toEmployeeCopy } from './mappers';
import type { FeedbackPrisma, FeedbackTransaction } from './prisma-client';

export const CONSUMER = 'feedback';

class PrismaEventTransaction implements EventTransaction {
  wroteOutbox = false;

  constructor(private readonly tx: FeedbackTransaction) {}

  async employee(employeeId: string): Promise<EmployeeCopy | null> {
    const row = await this.tx.employeeCopy.findUnique({ where: { employeeId } });
    return row ? toEmployeeCopy(row) : null;
  }

  async saveEmployee(copy: EmployeeCopy): Promise<void> {
    await this.tx.employeeCopy.upsert({ where: { employeeId: copy.employeeId }, create: copy, update: copy });
  }

  async followUpDays(agencyId: string): Promise<number | null> {
    return (await this.tx.agencySetting.findUnique({ where: { agencyId } }))?.followUpDays ?? null;
  }

  async addDialogue(dialogue: PerformanceDialogue, audit: AuditContext): Promise<void> {
    const { count } = await this.tx.performanceDialogue.createMany({ data: [dialogueData(dialogue)], skipDuplicates: true });
    if (count === 0) return;
    await this.tx.auditLog.create({
      data: auditRow(audit, {
        agencyId: dialogue.agencyId,
        action: 'dialogue.due',
        entityType: 'PerformanceDialogue',
        entityId: dialogue.id,
        before: null,
        after: dialogue,
      }),
    });
  }
}

/** Each handled event is one unit of work (`handleEventOnce`): claim, effect, audit and outbox rows. */
export class PrismaEventStore implements EventStore {
  constructor(
    private readonly prisma: FeedbackPrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
  ) {}

  handleOnce(eventId: string, work: (tx: EventTransaction) => Promise<void>): Promise<boolean> {
    return handleEventOnceWith(this.prisma, CONSUMER, eventId, (tx) => new PrismaEventTransaction(tx), work, this.afterOutboxCommit);
  }
}
