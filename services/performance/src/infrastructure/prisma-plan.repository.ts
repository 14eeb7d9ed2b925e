import { type AuditContext, auditRow, isUniqueViolation, type SqlRunner } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { Indicator, PerformancePlan, WorkResult } from '../domain/plan';
import type { PlanRevision } from '../domain/plan-revision';
import type { PlanRepository } from '../domain/repositories';
import { planOfRow, type PlanRow, PLANS_OF_EMPLOYEES_SQL } from './dashboard-reads.sql';
import { planData, planRevisionData, toIndicator, toPlan, toPlanRevision, toWorkResult } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { onlyUuids } from './uuid';

type Tx = Parameters<Parameters<PerformancePrisma['$transaction']>[0]>[0];

const changedMeanwhile = () => new ConflictError('The plan was changed by someone else meanwhile; load it again');

export class PrismaPlanRepository implements PlanRepository {
  constructor(
    private readonly prisma: PerformancePrisma,
    /** The driver, for the team dashboard's plans. */
    private readonly sql?: SqlRunner,
  ) {}

  async byIds(ids: readonly string[]): Promise<PerformancePlan[]> {
    if (ids.length === 0) return [];
    return (await this.prisma.performancePlan.findMany({ where: { id: { in: onlyUuids(ids) } } })).map(toPlan);
  }

  async ofEmployees(employeeIds: readonly string[]): Promise<PerformancePlan[]> {
    if (this.sql)
      return (await this.sql.query<PlanRow>(PLANS_OF_EMPLOYEES_SQL, [onlyUuids(employeeIds)], { prepare: 'performance_plans_of_employees' })).map(planOfRow);
    const rows = await this.prisma.performancePlan.findMany({
      where: { employeeId: { in: onlyUuids(employeeIds) } },
      orderBy: [{ period: { year: 'desc' } }, { createdAt: 'desc' }],
    });
    return rows.map(toPlan);
  }

  async ofEmployeeInPeriod(employeeId: string, periodId: string): Promise<PerformancePlan | null> {
    const row = await this.prisma.performancePlan.findUnique({ where: { periodId_employeeId: { periodId, employeeId } } });
    return row ? toPlan(row) : null;
  }

  async workResultsByIds(ids: readonly string[]): Promise<WorkResult[]> {
    if (ids.length === 0) return [];
    return (await this.prisma.workResult.findMany({ where: { id: { in: onlyUuids(ids) } } })).map(toWorkResult);
  }

  async workResultsOfPlans(planIds: readonly string[]): Promise<WorkResult[]> {
    if (planIds.length === 0) return [];
    return (await this.prisma.workResult.findMany({ where: { planId: { in: onlyUuids(planIds) } }, orderBy: { position: 'asc' } })).map(toWorkResult);
  }

  async cascadedFrom(workResultIds: readonly string[]): Promise<WorkResult[]> {
    if (workResultIds.length === 0) return [];
    const rows = await this.prisma.workResult.findMany({
      where: { cascadedFromWorkResultId: { in: onlyUuids(workResultIds) } },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toWorkResult);
  }

  async indicatorsByIds(ids: readonly string[]): Promise<Indicator[]> {
    if (ids.length === 0) return [];
    return (await this.prisma.indicator.findMany({ where: { id: { in: onlyUuids(ids) } } })).map(toIndicator);
  }

  async indicatorsOfWorkResults(workResultIds: readonly string[]): Promise<Indicator[]> {
    if (workResultIds.length === 0) return [];
    return (await this.prisma.indicator.findMany({ where: { workResultId: { in: onlyUuids(workResultIds) } }, orderBy: { position: 'asc' } })).map(toIndicator);
  }

  async create(plan: PerformancePlan, audit: AuditContext): Promise<void> {
    try {
      await this.prisma.$transaction([
        this.prisma.performancePlan.create({ data: planData(plan) }),
        this.prisma.auditLog.create({
          data: auditRow(audit, {
            action: 'plan.created',
            entityType: 'PerformancePlan',
            entityId: plan.id,
            agencyId: plan.agencyId,
            before: null,
            after: plan,
          }),
        }),
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('The employee already has an SKP for this period', { field: 'input.periodId' });
      throw error;
    }
  }

  /**
   * A plan is edited only while it is still the draft or the returned plan the use case saw: the
   * check and the change commit together. Editing a returned plan reopens it as a draft (audited
   * as `plan.reopened`), so the supervisor approves what was changed, never an older version.
   */
  private async touchDraft(tx: Tx, plan: PerformancePlan, audit: AuditContext): Promise<void> {
    const { count } = await tx.performancePlan.updateMany({ where: { id: plan.id, status: plan.status }, data: { status: 'DRAFT', updatedAt: new Date() } });
    if (count !== 1) throw changedMeanwhile();
    if (plan.status === 'RETURNED') {
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: 'plan.reopened',
          entityType: 'PerformancePlan',
          entityId: plan.id,
          agencyId: plan.agencyId,
          before: { status: 'RETURNED' },
          after: { status: 'DRAFT', by: 'edit' },
        }),
      });
    }
  }

  async addWorkResult(plan: PerformancePlan, workResult: WorkResult, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.touchDraft(tx, plan, audit);
      await tx.workResult.create({ data: workResult });
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: 'work-result.added',
          entityType: 'WorkResult',
          entityId: workResult.id,
          agencyId: plan.agencyId,
          before: null,
          after: workResult,
        }),
      });
    });
  }

  async addIndicator(plan: PerformancePlan, indicator: Indicator, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.touchDraft(tx, plan, audit);
      await tx.indicator.create({ data: indicator });
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: 'indicator.added',
          entityType: 'Indicator',
          entityId: indicator.id,
          agencyId: plan.agencyId,
          before: null,
          after: indicator,
        }),
      });
    });
  }

  async updateWorkResult(plan: PerformancePlan, before: WorkResult, after: WorkResult, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.touchDraft(tx, plan, audit);
      await tx.workResult.update({ where: { id: before.id }, data: { kind: after.kind, title: after.title } });
      await tx.auditLog.create({
        data: auditRow(audit, { action: 'work-result.updated', entityType: 'WorkResult', entityId: after.id, agencyId: plan.agencyId, before, after }),
      });
    });
  }

  async removeWorkResult(plan: PerformancePlan, workResult: WorkResult, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.touchDraft(tx, plan, audit);
      // Locked first: a subordinate's RHK being linked to it meanwhile (its foreign key check needs
      // this row) waits for the commit and then fails, or commits first and is counted below.
      await tx.$executeRaw`SELECT id FROM work_result WHERE id = ${workResult.id}::uuid FOR UPDATE`;
      const cascaded = await tx.workResult.count({ where: { cascadedFromWorkResultId: workResult.id } });
      if (cascaded > 0) {
        throw new ConflictError(`${cascaded} RHK of subordinates cascade from this RHK; they are unlinked or removed first`, {
          reason: 'CASCADED_TO',
          field: 'workResultId',
          cascadedCount: cascaded,
        });
      }
      const indicators = await tx.indicator.findMany({ where: { workResultId: workResult.id }, orderBy: { position: 'asc' } });
      await this.assertNoRealizations(
        tx,
        indicators.map((row) => row.id),
        'workResultId',
      );
      await tx.indicator.deleteMany({ where: { workResultId: workResult.id } });
      await tx.workResult.delete({ where: { id: workResult.id } });
      await tx.workResult.updateMany({ where: { planId: plan.id, position: { gt: workResult.position } }, data: { position: { decrement: 1 } } });
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: 'work-result.removed',
          entityType: 'WorkResult',
          entityId: workResult.id,
          agencyId: plan.agencyId,
          before: { ...workResult, indicators: indicators.map(toIndicator) },
          after: null,
        }),
      });
    });
  }

  async updateIndicator(plan: PerformancePlan, before: Indicator, after: Indicator, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.touchDraft(tx, plan, audit);
      const { id: _id, workResultId: _workResultId, position: _position, ...data } = after;
      await tx.indicator.update({ where: { id: before.id }, data });
      await tx.auditLog.create({
        data: auditRow(audit, { action: 'indicator.updated', entityType: 'Indicator', entityId: after.id, agencyId: plan.agencyId, before, after }),
      });
    });
  }

  async removeIndicator(plan: PerformancePlan, indicator: Indicator, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.touchDraft(tx, plan, audit);
      await this.assertNoRealizations(tx, [indicator.id], 'indicatorId');
      await tx.indicator.delete({ where: { id: indicator.id } });
      await tx.indicator.updateMany({
        where: { workResultId: indicator.workResultId, position: { gt: indicator.position } },
        data: { position: { decrement: 1 } },
      });
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: 'indicator.removed',
          entityType: 'Indicator',
          entityId: indicator.id,
          agencyId: plan.agencyId,
          before: indicator,
          after: null,
        }),
      });
    });
  }

  /** What was reported stays: an indicator with realizations (a revised plan's) is not removed. */
  private async assertNoRealizations(tx: Tx, indicatorIds: readonly string[], field: string): Promise<void> {
    if (indicatorIds.length === 0) return;
    const reported = await tx.realization.count({ where: { indicatorId: { in: [...indicatorIds] } } });
    if (reported > 0) {
      throw new ConflictError(`${reported} realizations were reported on it; an RHK or indicator with realizations is kept`, {
        reason: 'HAS_REALIZATIONS',
        field,
      });
    }
  }

  async update(before: PerformancePlan, after: PerformancePlan, action: string, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { id: _id, ...data } = planData(after);
      const { count } = await tx.performancePlan.updateMany({ where: { id: before.id, status: before.status }, data });
      if (count !== 1) throw changedMeanwhile();
      await tx.auditLog.create({
        data: auditRow(audit, { action, entityType: 'PerformancePlan', entityId: after.id, agencyId: after.agencyId, before, after }),
      });
    });
  }

  async revisionsOfPlans(planIds: readonly string[]): Promise<PlanRevision[]> {
    if (planIds.length === 0) return [];
    const rows = await this.prisma.planRevision.findMany({ where: { planId: { in: onlyUuids(planIds) } }, orderBy: { sequence: 'asc' } });
    return rows.map(toPlanRevision);
  }

  async revise(before: PerformancePlan, after: PerformancePlan, revision: PlanRevision, audit: AuditContext): Promise<void> {
    try {
      await this.prisma.$transaction(async (tx) => {
        const { id: _id, ...data } = planData(after);
        // The update locks the plan row first; finalizing an annual assessment takes the same lock
        // (prisma-assessment.repository.ts), so the count below sees an assessment committed meanwhile.
        const { count } = await tx.performancePlan.updateMany({ where: { id: before.id, status: 'APPROVED' }, data });
        if (count !== 1) throw changedMeanwhile();
        if ((await tx.assessment.count({ where: { planId: before.id, kind: 'ANNUAL' } })) > 0) {
          throw new ConflictError('The annual assessment of this plan became final meanwhile; the plan is no longer revised');
        }
        await tx.planRevision.create({ data: planRevisionData(revision) });
        await tx.auditLog.create({
          data: auditRow(audit, {
            action: 'plan.revised',
            entityType: 'PerformancePlan',
            entityId: after.id,
            agencyId: after.agencyId,
            before,
            after: { ...after, revision: { id: revision.id, sequence: revision.sequence, reason: revision.reason, revisedAs: revision.revisedAs } },
          }),
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw changedMeanwhile();
      throw error;
    }
  }
}
