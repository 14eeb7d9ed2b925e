import { auditRow } from '@kinerja/database';
import { handleEventOnce } from '@kinerja/messaging';

import type { DevelopmentEvidence } from '../domain/development-evidence';
import type { DevelopmentEvidenceRepository } from '../domain/repositories';
import { toDevelopmentEvidence } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { CONSUMER } from './prisma-employee-copy.repository';
import { onlyUuids } from './uuid';

export class PrismaDevelopmentEvidenceRepository implements DevelopmentEvidenceRepository {
  constructor(private readonly prisma: PerformancePrisma) {}

  async ofEmployees(employeeIds: readonly string[]): Promise<DevelopmentEvidence[]> {
    const rows = await this.prisma.developmentEvidence.findMany({ where: { employeeId: { in: onlyUuids(employeeIds) } }, orderBy: { completedAt: 'desc' } });
    return rows.map(toDevelopmentEvidence);
  }

  async recordFromEvent(evidence: DevelopmentEvidence): Promise<boolean> {
    return handleEventOnce(this.prisma, CONSUMER, evidence.eventId, async (tx) => {
      await tx.developmentEvidence.create({ data: evidence });
      await tx.auditLog.create({
        data: auditRow(
          { actorUserId: null, requestId: evidence.eventId },
          {
            action: 'development-evidence.recorded',
            entityType: 'DevelopmentEvidence',
            entityId: evidence.id,
            agencyId: evidence.agencyId,
            before: null,
            after: evidence,
          },
        ),
      });
      return { wroteOutbox: false };
    });
  }
}
