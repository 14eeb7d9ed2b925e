import { type AuditContext, auditRow } from '@kinerja/database';
import { claimEvent } from '@kinerja/messaging';

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

/**
 * Each handled event is one interactive transaction: the claim of the event first, then the
 * handler's reads and writes, the audit rows and the outbox rows. A failure rolls all of it back,
 * the claim included, so the consumer's retry starts clean.
 */
export class PrismaEventStore implements EventStore {
  constructor(
    private readonly prisma: FeedbackPrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
  ) {}

  async handleOnce(eventId: string, work: (tx: EventTransaction) => Promise<void>): Promise<boolean> {
    let wroteOutbox = false;
    const claimed = await this.prisma.$transaction(
      async (tx) => {
        if (!(await claimEvent((sql, ...values) => tx.$executeRawUnsafe(sql, ...values), CONSUMER, eventId))) return false;
        const transaction = new PrismaEventTransaction(tx);
        await work(transaction);
        wroteOutbox = transaction.wroteOutbox;
        return true;
      },
      { timeout: 15_000 },
    );
    if (wroteOutbox) this.afterOutboxCommit();
    return claimed;
  }
}
