import { type AuditContext, auditRow, isUniqueViolation, type SqlRunner } from '@kinerja/database';
import { ConflictError, NotFoundError } from '@kinerja/errors';

import type { PerformancePeriod } from '../domain/period';
import type { PeriodRepository } from '../domain/repositories';
import { periodOfRow, PERIODS_BY_IDS_SQL } from './dashboard-reads.sql';
import { periodData, toPeriod } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { isUuid, onlyUuids } from './uuid';

export class PrismaPeriodRepository implements PeriodRepository {
  constructor(
    private readonly prisma: PerformancePrisma,
    /** The driver, for the team dashboard's plan periods. */
    private readonly sql?: SqlRunner,
  ) {}

  async byIds(ids: readonly string[]): Promise<PerformancePeriod[]> {
    if (ids.length === 0) return [];
    if (this.sql)
      return (await this.sql.query<PerformancePeriod>(PERIODS_BY_IDS_SQL, [onlyUuids(ids)], { prepare: 'performance_periods_by_ids' })).map(periodOfRow);
    return (await this.prisma.performancePeriod.findMany({ where: { id: { in: onlyUuids(ids) } } })).map(toPeriod);
  }

  async annualOfAgency(agencyId: string): Promise<PerformancePeriod[]> {
    if (!isUuid(agencyId)) return [];
    return (await this.prisma.performancePeriod.findMany({ where: { agencyId, kind: 'ANNUAL' }, orderBy: { year: 'desc' } })).map(toPeriod);
  }

  async subPeriodsOf(annualIds: readonly string[]): Promise<PerformancePeriod[]> {
    const rows = await this.prisma.performancePeriod.findMany({
      where: { parentId: { in: onlyUuids(annualIds) } },
      orderBy: [{ parentId: 'asc' }, { index: 'asc' }],
    });
    return rows.map(toPeriod);
  }

  async annualOfYear(agencyId: string, year: number): Promise<PerformancePeriod | null> {
    if (!isUuid(agencyId)) return null;
    const row = await this.prisma.performancePeriod.findFirst({ where: { agencyId, year, kind: 'ANNUAL' } });
    return row ? toPeriod(row) : null;
  }

  async create(annual: PerformancePeriod, subPeriods: readonly PerformancePeriod[], audit: AuditContext): Promise<void> {
    if (!isUuid(annual.agencyId)) throw new NotFoundError('Agency', annual.agencyId, 'input.agencyId');
    try {
      await this.prisma.$transaction([
        this.prisma.performancePeriod.create({ data: periodData(annual) }),
        this.prisma.performancePeriod.createMany({ data: subPeriods.map(periodData) }),
        this.prisma.auditLog.create({
          data: auditRow(audit, {
            action: 'period.created',
            entityType: 'PerformancePeriod',
            entityId: annual.id,
            agencyId: annual.agencyId,
            before: null,
            after: { annual, subPeriods },
          }),
        }),
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`The agency already has a performance period for ${annual.year}`, { field: 'input.year' });
      throw error;
    }
  }

  async close(period: PerformancePeriod, closedAt: Date, audit: AuditContext): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.performancePeriod.updateMany({ where: { id: period.id, status: 'OPEN' }, data: { status: 'CLOSED', closedAt } });
      if (count !== 1) return false;
      await tx.performancePeriod.updateMany({ where: { parentId: period.id, status: 'OPEN' }, data: { status: 'CLOSED', closedAt } });
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: 'period.closed',
          entityType: 'PerformancePeriod',
          entityId: period.id,
          agencyId: period.agencyId,
          before: period,
          after: { ...period, status: 'CLOSED' },
        }),
      });
      return true;
    });
  }
}
