import { type AuditContext, auditRow } from '@kinerja/database';

import type { GapMappingOverride } from '../domain/agency-gap-mapping';
import type { GapMappingRepository } from '../domain/repositories';
import type { DevelopmentPrisma } from './prisma-client';

const SELECT = { gap: true, programmeCode: true } as const;
const ENTITY_TYPE = 'GapProgrammeMapping';

/** The audit trail names a row by agency and gap: the table has no id of its own. */
const entityIdOf = (agencyId: string, gap: string) => `${agencyId}:${gap}`;

export class PrismaGapMappingRepository implements GapMappingRepository {
  constructor(private readonly prisma: DevelopmentPrisma) {}

  async overridesOf(agencyId: string): Promise<GapMappingOverride[]> {
    return this.prisma.gapProgrammeMapping.findMany({ where: { agencyId }, select: SELECT, orderBy: { gap: 'asc' } });
  }

  async set(agencyId: string, override: GapMappingOverride, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const where = { agencyId_gap: { agencyId, gap: override.gap } };
      const before = await tx.gapProgrammeMapping.findUnique({ where, select: SELECT });
      await tx.gapProgrammeMapping.upsert({ where, create: { agencyId, ...override }, update: { programmeCode: override.programmeCode } });
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: 'gap-programme-mapping.set',
          entityType: ENTITY_TYPE,
          entityId: entityIdOf(agencyId, override.gap),
          agencyId,
          before,
          after: override,
        }),
      });
    });
  }

  async clear(agencyId: string, gap: string, audit: AuditContext): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const [before] = await tx.gapProgrammeMapping.findMany({ where: { agencyId, gap }, select: SELECT });
      if (!before) return false;
      await tx.gapProgrammeMapping.deleteMany({ where: { agencyId, gap } });
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: 'gap-programme-mapping.cleared',
          entityType: ENTITY_TYPE,
          entityId: entityIdOf(agencyId, gap),
          agencyId,
          before,
          after: null,
        }),
      });
      return true;
    });
  }
}
