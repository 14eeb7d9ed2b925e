import { handleEventOnceWith } from '@kinerja/messaging';

import type { CommitteeTraining, EmployeeCopy } from '../domain/committee';
import type { EventStore, EventTransaction } from '../domain/repositories';
import type { RecruitmentPrisma, RecruitmentTransaction } from './prisma-client';
import { toEmployeeCopy } from './prisma-committee.repository';

export const CONSUMER = 'recruitment';

class PrismaEventTransaction implements EventTransaction {
  /** Recruitment's handlers publish no events. */
  readonly wroteOutbox = false;

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
 * Each handled event is one unit of work (`handleEventOnce`): the claim of the event first, then
 * the handler's reads and writes; recruitment's handlers publish nothing.
 */
export class PrismaEventStore implements EventStore {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  handleOnce(eventId: string, work: (tx: EventTransaction) => Promise<void>): Promise<boolean> {
    return handleEventOnceWith(this.prisma, CONSUMER, eventId, (tx) => new PrismaEventTransaction(tx), work);
  }
}
