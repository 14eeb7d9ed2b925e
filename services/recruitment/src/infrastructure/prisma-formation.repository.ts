import { type AuditContext, auditRow } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { Formation } from '../domain/formation';
import type { FormationRepository } from '../domain/repositories';
import { createAudited } from './audited';
import { toFormation } from './mappers';
import type { RecruitmentPrisma } from './prisma-client';

export class PrismaFormationRepository implements FormationRepository {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async byIds(ids: readonly string[]): Promise<Formation[]> {
    return (await this.prisma.formation.findMany({ where: { id: { in: [...ids] } } })).map(toFormation);
  }

  async create(formation: Formation, audit: AuditContext): Promise<void> {
    await createAudited(
      this.prisma,
      this.prisma.formation.create({ data: formation }),
      { agencyId: formation.agencyId, action: 'formation.proposed', entityType: 'Formation', entityId: formation.id, after: formation },
      audit,
    );
  }

  async review(before: Formation, after: Formation, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // Only a formation still as it was read: two reviewers at once cannot both decide.
      const { count } = await tx.formation.updateMany({
        where: { id: before.id, status: before.status },
        data: { status: after.status, reviewNote: after.reviewNote, reviewedBy: after.reviewedBy, reviewedAt: after.reviewedAt },
      });
      if (count === 0) throw new ConflictError('The formation was reviewed meanwhile', { field: 'input.formationId' });
      await tx.auditLog.create({
        data: auditRow(audit, {
          agencyId: after.agencyId,
          action: `formation.${after.status.toLowerCase()}`,
          entityType: 'Formation',
          entityId: after.id,
          before,
          after,
        }),
      });
    });
  }
}
