import { type AuditContext, auditRow } from '@kinerja/database';

import type { Realization } from '../domain/realization';
import type { RealizationRepository } from '../domain/repositories';
import { toRealization } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { onlyUuids } from './uuid';

export class PrismaRealizationRepository implements RealizationRepository {
  constructor(private readonly prisma: PerformancePrisma) {}

  async byIds(ids: readonly string[]): Promise<Realization[]> {
    if (ids.length === 0) return [];
    return (await this.prisma.realization.findMany({ where: { id: { in: onlyUuids(ids) } } })).map(toRealization);
  }

  async ofIndicators(indicatorIds: readonly string[]): Promise<Realization[]> {
    if (indicatorIds.length === 0) return [];
    const rows = await this.prisma.realization.findMany({ where: { indicatorId: { in: onlyUuids(indicatorIds) } }, orderBy: { reportedAt: 'asc' } });
    return rows.map(toRealization);
  }

  async ofPlan(planId: string): Promise<Realization[]> {
    return (await this.prisma.realization.findMany({ where: { planId } })).map(toRealization);
  }

  async save(before: Realization | null, after: Realization, agencyId: string, audit: AuditContext): Promise<void> {
    const { id, indicatorId, subPeriodId, ...changes } = after;
    await this.prisma.$transaction([
      this.prisma.realization.upsert({ where: { indicatorId_subPeriodId: { indicatorId, subPeriodId } }, create: after, update: changes }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: before ? 'realization.revised' : 'realization.reported',
          entityType: 'Realization',
          entityId: id,
          agencyId,
          before,
          after,
        }),
      }),
    ]);
  }
}
