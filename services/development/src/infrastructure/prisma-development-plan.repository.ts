import { type AuditContext, auditRow, isUniqueViolation } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { DevelopmentPlan, PlannedProgramme } from '../domain/development-plan';
import type { DevelopmentPlanRepository, EmployeePlan } from '../domain/repositories';
import type { DevelopmentPlan as PlanRow, EmployeeCopy as EmployeeCopyRow } from '../generated/prisma/client';
import { camelCaseKeys, toEmployeeCopy } from './mappers';
import type { DevelopmentPrisma } from './prisma-client';
import { PLANS_OF_EMPLOYEES } from './sql';

const toPlan = (row: PlanRow): DevelopmentPlan => ({
  id: row.id,
  agencyId: row.agencyId,
  employeeId: row.employeeId,
  year: row.year,
  items: (row.items ?? []) as unknown as PlannedProgramme[],
  version: row.version,
});

const planData = (plan: DevelopmentPlan) => ({ ...plan, items: plan.items as unknown as object[] });

export class PrismaDevelopmentPlanRepository implements DevelopmentPlanRepository {
  constructor(private readonly prisma: DevelopmentPrisma) {}

  async byId(id: string): Promise<DevelopmentPlan | null> {
    const row = await this.prisma.developmentPlan.findUnique({ where: { id } });
    return row ? toPlan(row) : null;
  }

  async ofEmployees(employeeIds: readonly string[], year: number): Promise<EmployeePlan[]> {
    const rows = await this.prisma.$queryRawUnsafe<{ employee: Record<string, unknown>; plan: Record<string, unknown> | null }[]>(
      PLANS_OF_EMPLOYEES,
      [...employeeIds],
      year,
    );
    return rows.map((row) => ({
      employee: toEmployeeCopy(camelCaseKeys<EmployeeCopyRow>(row.employee)),
      plan: row.plan ? toPlan(camelCaseKeys<PlanRow>(row.plan)) : null,
    }));
  }

  async create(plan: DevelopmentPlan, audit: AuditContext): Promise<DevelopmentPlan> {
    const existing = await this.prisma.developmentPlan.findUnique({ where: { employeeId_year: { employeeId: plan.employeeId, year: plan.year } } });
    if (existing) return toPlan(existing);
    try {
      await this.prisma.$transaction([
        this.prisma.developmentPlan.create({ data: planData(plan) }),
        this.prisma.auditLog.create({
          data: auditRow(audit, {
            action: 'development-plan.created',
            entityType: 'DevelopmentPlan',
            entityId: plan.id,
            agencyId: plan.agencyId,
            before: null,
            after: plan,
          }),
        }),
      ]);
      return plan;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.prisma.developmentPlan.findUniqueOrThrow({ where: { employeeId_year: { employeeId: plan.employeeId, year: plan.year } } });
      return toPlan(winner);
    }
  }

  async update(before: DevelopmentPlan, after: DevelopmentPlan, action: string, audit: AuditContext): Promise<DevelopmentPlan> {
    const saved = { ...after, version: before.version + 1 };
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.developmentPlan.updateMany({ where: { id: before.id, version: before.version }, data: planData(saved) });
      if (count === 0) throw new ConflictError('The plan was changed by someone else; reload it', { planId: before.id });
      await tx.auditLog.create({
        data: auditRow(audit, { action, entityType: 'DevelopmentPlan', entityId: before.id, agencyId: before.agencyId, before, after: saved }),
      });
    });
    return saved;
  }
}
