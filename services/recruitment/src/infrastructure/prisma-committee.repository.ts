import { type AuditContext, auditRow } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { CommitteeConflict, CommitteeMember, CommitteeStanding, EmployeeCopy } from '../domain/committee';
import type { CommitteeRepository } from '../domain/repositories';
import { createAudited } from './audited';
import type { RecruitmentPrisma } from './prisma-client';

export const toEmployeeCopy = (row: {
  employeeId: string;
  agencyId: string;
  orgUnitId: string;
  name: string;
  status: string;
  lastEventAt: Date;
}): EmployeeCopy => ({
  ...row,
  status: row.status as EmployeeCopy['status'],
});

export class PrismaCommitteeRepository implements CommitteeRepository {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async standing(selectionId: string, employeeId: string): Promise<CommitteeStanding> {
    const [member, training, conflicts] = await Promise.all([
      this.prisma.committeeMember.findUnique({ where: { selectionId_employeeId: { selectionId, employeeId } }, select: { employeeId: true } }),
      this.prisma.committeeTraining.findUnique({ where: { employeeId }, select: { employeeId: true } }),
      this.prisma.committeeConflict.findMany({ where: { selectionId, employeeId }, select: { applicationId: true } }),
    ]);
    return { appointed: member !== null, trained: training !== null, conflicts: conflicts.map((c) => c.applicationId) };
  }

  async members(selectionId: string): Promise<(CommitteeMember & { name: string | null; trained: boolean })[]> {
    const members = await this.prisma.committeeMember.findMany({ where: { selectionId }, orderBy: { appointedAt: 'asc' } });
    const ids = members.map((m) => m.employeeId);
    const [copies, trainings] = await Promise.all([
      this.prisma.employeeCopy.findMany({ where: { employeeId: { in: ids } }, select: { employeeId: true, name: true } }),
      this.prisma.committeeTraining.findMany({ where: { employeeId: { in: ids } }, select: { employeeId: true } }),
    ]);
    const names = new Map(copies.map((c) => [c.employeeId, c.name]));
    const trained = new Set(trainings.map((t) => t.employeeId));
    return members.map((m) => ({ ...m, name: names.get(m.employeeId) ?? null, trained: trained.has(m.employeeId) }));
  }

  async employee(employeeId: string): Promise<EmployeeCopy | null> {
    const row = await this.prisma.employeeCopy.findUnique({ where: { employeeId } });
    return row ? toEmployeeCopy(row) : null;
  }

  async appoint(member: CommitteeMember, audit: AuditContext): Promise<void> {
    await createAudited(
      this.prisma,
      this.prisma.committeeMember.create({ data: member }),
      { agencyId: member.agencyId, action: 'committee.member-appointed', entityType: 'Selection', entityId: member.selectionId, after: member },
      audit,
      () => new ConflictError('The employee is on the selection committee already', { field: 'input.employeeId' }),
    );
  }

  async declareConflict(conflict: CommitteeConflict, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const created = await tx.committeeConflict.createMany({ data: [conflict], skipDuplicates: true });
      if (created.count === 0) return;
      await tx.auditLog.create({
        data: auditRow(audit, {
          agencyId: conflict.agencyId,
          action: 'committee.conflict-declared',
          entityType: 'Application',
          entityId: conflict.applicationId,
          before: null,
          after: conflict,
        }),
      });
    });
  }
}
