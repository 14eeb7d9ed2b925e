import { type AuditContext, auditRow, isUniqueViolation, type SqlRunner } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';
import type { DomainEvent } from '@kinerja/events';
import { outboxRowsOf } from '@kinerja/messaging';

import type { Assessment, BehaviourValueRating } from '../domain/assessment';
import type { PredikatCounts } from '../domain/distribution-curve.rule';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { AssessmentRepository, UnitOfPeriod } from '../domain/repositories';
import { PREDIKATS } from '../domain/vocabulary';
import { latestAssessmentsSql, type LatestRow, toLatest } from './latest-assessment.sql';
import { toAssessment, toBehaviourRating } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { isUuid, onlyUuids } from './uuid';

type Tx = Parameters<Parameters<PerformancePrisma['$transaction']>[0]>[0];

async function countsIn(client: Tx | PerformancePrisma, unit: UnitOfPeriod): Promise<PredikatCounts> {
  const groups = await client.assessment.groupBy({
    by: ['predikat'],
    where: { orgUnitId: unit.orgUnitId, periodId: unit.periodId, kind: 'ANNUAL' },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((group) => [group.predikat, group._count._all]));
}

const sameCounts = (a: PredikatCounts, b: PredikatCounts) => PREDIKATS.every((p) => (a[p] ?? 0) === (b[p] ?? 0));

export class PrismaAssessmentRepository implements AssessmentRepository {
  constructor(
    private readonly prisma: PerformancePrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
    /** The driver, for the team dashboard's latest assessments. */
    private readonly sql?: SqlRunner,
  ) {}

  async byIds(ids: readonly string[]): Promise<Assessment[]> {
    if (ids.length === 0) return [];
    return (await this.prisma.assessment.findMany({ where: { id: { in: onlyUuids(ids) } } })).map(toAssessment);
  }

  async ofPlans(planIds: readonly string[]): Promise<Assessment[]> {
    if (planIds.length === 0) return [];
    return (await this.prisma.assessment.findMany({ where: { planId: { in: onlyUuids(planIds) } }, orderBy: { finalizedAt: 'asc' } })).map(toAssessment);
  }

  async annualOfEmployees(employeeIds: readonly string[]): Promise<Assessment[]> {
    const rows = await this.prisma.assessment.findMany({
      where: { employeeId: { in: onlyUuids(employeeIds) }, kind: 'ANNUAL' },
      orderBy: { finalizedAt: 'desc' },
    });
    return rows.map(toAssessment);
  }

  async latestOfEmployees(employeeIds: readonly string[]): Promise<Array<{ subject: EmployeeCopy; latest: Assessment | null }>> {
    const ids = onlyUuids(employeeIds);
    if (ids.length === 0) return [];
    const rows = this.sql
      ? await this.sql.query<LatestRow>(latestAssessmentsSql, [ids.join(',')], { prepare: 'performance_latest_assessments' })
      : await this.prisma.$queryRawUnsafe<LatestRow[]>(latestAssessmentsSql, ids.join(','));
    return rows.map(toLatest);
  }

  async behaviourRatingsOf(assessmentIds: readonly string[]): Promise<Array<BehaviourValueRating & { assessmentId: string }>> {
    if (assessmentIds.length === 0) return [];
    return (await this.prisma.behaviourRating.findMany({ where: { assessmentId: { in: onlyUuids(assessmentIds) } } })).map(toBehaviourRating);
  }

  async countsInUnit(unit: UnitOfPeriod): Promise<PredikatCounts> {
    return isUuid(unit.orgUnitId) && isUuid(unit.periodId) ? countsIn(this.prisma, unit) : {};
  }

  async finalize(
    assessment: Assessment,
    behaviourRatings: readonly BehaviourValueRating[],
    curve: (UnitOfPeriod & { counts: PredikatCounts }) | null,
    audit: AuditContext,
    events: readonly DomainEvent[],
  ): Promise<void> {
    try {
      await this.prisma.$transaction(async (tx) => {
        // Holds the plan as approved until the commit: a revision reopening it at the same moment
        // waits, then sees this assessment and is refused (prisma-plan.repository.ts).
        const [plan] = await tx.$queryRaw<
          { status: string }[]
        >`SELECT status::text AS status FROM performance_plan WHERE id = ${assessment.planId}::uuid FOR SHARE`;
        if (plan?.status !== 'APPROVED') throw new ConflictError('The plan was reopened for revision meanwhile; it is assessed once approved again');
        if (curve) {
          // Two supervisors of one unit finalizing at once: the second sees the first's predikat.
          await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `curve:${curve.orgUnitId}:${curve.periodId}`);
          if (!sameCounts(await countsIn(tx, curve), curve.counts)) {
            throw new ConflictError("The unit's distribution changed while you decided; look at it again and finalize again");
          }
        }
        const { workResultGaps, ...columns } = assessment;
        await tx.assessment.create({ data: { ...columns, workResultGaps: workResultGaps.map((gap) => ({ ...gap })) } });
        await tx.behaviourRating.createMany({ data: behaviourRatings.map((rating) => ({ ...rating, assessmentId: assessment.id })) });
        await tx.auditLog.create({
          data: auditRow(audit, {
            action: 'assessment.finalized',
            entityType: 'Assessment',
            entityId: assessment.id,
            agencyId: assessment.agencyId,
            before: null,
            after: { ...assessment, behaviourRatings },
          }),
        });
        await tx.outboxEvent.createMany({ data: outboxRowsOf('performance', events) });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('This assessment is already final and read-only', { field: 'input.periodId' });
      throw error;
    }
    this.afterOutboxCommit();
  }
}
