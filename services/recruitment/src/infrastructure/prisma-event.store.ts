import { claimEvent } from '@kinerja/messaging';

import type { CommitteeTraining, EmployeeCopy } from '../domain/committee';
import type { EventStore, EventTransaction } from '../domain/repositories';
import type { RecruitmentPrisma, RecruitmentTransaction } from './prisma-client';
import { toEmployeeCopy } from './prisma-committee.repository';

export const CONSUMER = 'recruitment';

class PrismaEventTransaction implements EventTransaction {
  constructor(private readonly tx: RecruitmentTransaction) {}

  async employee(employeeId: string): Promise<EmployeeCopy | null> {
    const row = await this.tx.employeeCopy.findUnique({ where: { employeeId } });
    return row ? toEmployeeCopy(row) : null;
  }

  async saveEmployee(copy: EmployeeCopy): Promise<void> {
    await this.tx.employeeCopy.upsert({ where: { employeeId: copy.employeeId }, create: copy, update: copy });
  }

  async recordCommitteeTraining(training: CommitteeTraining): Promise<void> {
    await this.tx.committeeTraining.upsert({ where: { employeeId: training.employeeId }, create: training, update: training });
  }
}

/**
 * Each handled event is one interactive transaction: the claim of the event first, then the
 * handler's reads and writes. A failure rolls all of it back, the claim included, so the
 * consumer's retry starts clean.
 */
export class PrismaEventStore implements EventStore {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async handleOnce(eventId: string, work: (tx: EventTransaction) => Promise<void>): Promise<boolean> {
    return this.prisma.$transaction(
      async (tx) => {
        if (!(await claimEvent((sql, ...values) => tx.$executeRawUnsafe(sql, ...values), CONSUMER, eventId))) return false;
        await work(new PrismaEventTransaction(tx));
        return true;
      },
      { timeout: 15_000 },
    );
  }
}
