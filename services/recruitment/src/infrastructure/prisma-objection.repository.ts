import { type AuditContext, auditRow } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { ObjectionRepository } from '../domain/repositories';
import type { Objection, Stage } from '../domain/stage';
import { type Change, saveChanges } from './application-changes';
import { createAudited } from './audited';
import { toObjection } from './mappers';
import type { RecruitmentPrisma } from './prisma-client';

export class PrismaObjectionRepository implements ObjectionRepository {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async ofStage(selectionId: string, stage: Stage): Promise<Objection[]> {
    return (await this.prisma.objection.findMany({ where: { selectionId, stage }, orderBy: { filedAt: 'asc' } })).map(toObjection);
  }

  async byId(id: string): Promise<Objection | null> {
    const row = await this.prisma.objection.findUnique({ where: { id } });
    return row ? toObjection(row) : null;
  }

  async file(objection: Objection, audit: AuditContext): Promise<void> {
    await createAudited(
      this.prisma,
      this.prisma.objection.create({ data: objection }),
      { agencyId: objection.agencyId, action: 'objection.filed', entityType: 'Objection', entityId: objection.id, after: objection },
      audit,
      () => new ConflictError(`This application has an objection to the ${objection.stage} results already`, { field: 'input.stage' }),
    );
  }

  async answer(before: Objection, after: Objection, change: Change | null, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.objection.updateMany({
        where: { id: before.id, status: 'OPEN' },
        data: { status: after.status, response: after.response, answeredAt: after.answeredAt },
      });
      if (count === 0) throw new ConflictError('The objection was answered meanwhile', { field: 'input.objectionId' });
      await tx.auditLog.create({
        data: auditRow(audit, { agencyId: after.agencyId, action: 'objection.answered', entityType: 'Objection', entityId: after.id, before, after }),
      });
      if (change) await saveChanges(tx, [change], 'application.objection-accepted', audit);
    });
  }
}
