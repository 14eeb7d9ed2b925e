import { auditRow, type SqlRunner } from '@kinerja/database';
import { supersedesCopy } from '@kinerja/events';
import { handleEventOnce } from '@kinerja/messaging';

import type { EmployeeCopy } from '../domain/employee-copy';
import type { EmployeeCopyRepository } from '../domain/repositories';
import { COPIES_BY_IDS_SQL, copyOfRow } from './dashboard-reads.sql';
import { toEmployeeCopy } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { isUuid, onlyUuids } from './uuid';

export const CONSUMER = 'performance';

export class PrismaEmployeeCopyRepository implements EmployeeCopyRepository {
  constructor(
    private readonly prisma: PerformancePrisma,
    /** The driver, for the team dashboard's access checks. */
    private readonly sql?: SqlRunner,
  ) {}

  async byIds(employeeIds: readonly string[]): Promise<EmployeeCopy[]> {
    if (employeeIds.length === 0) return [];
    if (this.sql)
      return (await this.sql.query<EmployeeCopy>(COPIES_BY_IDS_SQL, [onlyUuids(employeeIds)], { prepare: 'performance_copies_by_ids' })).map(copyOfRow);
    return (await this.prisma.employeeCopy.findMany({ where: { employeeId: { in: onlyUuids(employeeIds) } } })).map(toEmployeeCopy);
  }

  async anyInUnit(orgUnitId: string): Promise<EmployeeCopy | null> {
    if (!isUuid(orgUnitId)) return null;
    const row = await this.prisma.employeeCopy.findFirst({ where: { orgUnitId } });
    return row ? toEmployeeCopy(row) : null;
  }

  async headsOfUnit(orgUnitId: string): Promise<EmployeeCopy[]> {
    if (!isUuid(orgUnitId)) return [];
    const members = await this.prisma.employeeCopy.findMany({ where: { orgUnitId, status: { not: 'LEFT' } } });
    const inUnit = new Set(members.map((m) => m.employeeId));
    return members.filter((m) => m.supervisorEmployeeId === null || !inUnit.has(m.supervisorEmployeeId)).map(toEmployeeCopy);
  }

  async headcountOfUnit(orgUnitId: string): Promise<number> {
    if (!isUuid(orgUnitId)) return 0;
    return this.prisma.employeeCopy.count({ where: { orgUnitId, status: { not: 'LEFT' } } });
  }

  async applyFromEvent(eventId: string, copy: EmployeeCopy): Promise<boolean> {
    let applied = false;
    // A redelivered event finds its claim taken and changes nothing.
    await handleEventOnce(this.prisma, CONSUMER, eventId, async (tx) => {
      const stored = await tx.employeeCopy.findUnique({ where: { employeeId: copy.employeeId } });
      const before = stored ? toEmployeeCopy(stored) : null;
      if (!supersedesCopy(copy.sourceOccurredAt, before?.sourceOccurredAt)) return { wroteOutbox: false };
      await tx.employeeCopy.upsert({ where: { employeeId: copy.employeeId }, create: copy, update: copy });
      await tx.auditLog.create({
        data: auditRow(
          { actorUserId: null, requestId: eventId },
          { action: 'employee-copy.updated', entityType: 'EmployeeCopy', entityId: copy.employeeId, agencyId: copy.agencyId, before, after: copy },
        ),
      });
      applied = true;
      return { wroteOutbox: false };
    });
    return applied;
  }
}
