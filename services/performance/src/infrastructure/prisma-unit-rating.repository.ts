import { type AuditContext, auditRow } from '@kinerja/database';

import type { UnitRatingRepository } from '../domain/repositories';
import type { UnitRatingRecord } from '../domain/unit-rating';
import { toUnitRating } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { isUuid, onlyUuids } from './uuid';

export class PrismaUnitRatingRepository implements UnitRatingRepository {
  constructor(private readonly prisma: PerformancePrisma) {}

  async ofUnits(orgUnitIds: readonly string[], periodId: string): Promise<UnitRatingRecord[]> {
    const ids = onlyUuids(orgUnitIds);
    if (ids.length === 0 || !isUuid(periodId)) return [];
    return (await this.prisma.unitRatingRecord.findMany({ where: { orgUnitId: { in: ids }, periodId } })).map(toUnitRating);
  }

  async save(
    before: UnitRatingRecord | null,
    after: UnitRatingRecord,
    audit: AuditContext,
    reopening: { reason: string; finalizedInUnit: number } | null = null,
  ): Promise<void> {
    const { id: _id, orgUnitId, periodId, ...changes } = after;
    await this.prisma.$transaction([
      this.prisma.unitRatingRecord.upsert({
        where: { orgUnitId_periodId: { orgUnitId, periodId } },
        create: { ...after, setBy: audit.actorUserId },
        update: { ...changes, setBy: audit.actorUserId },
      }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: reopening ? 'unit-rating.reopened' : 'unit-rating.set',
          entityType: 'UnitRating',
          entityId: after.id,
          agencyId: after.agencyId,
          before,
          after: reopening ? { ...after, reopenReason: reopening.reason, finalizedInUnit: reopening.finalizedInUnit } : after,
        }),
      }),
    ]);
  }
}
