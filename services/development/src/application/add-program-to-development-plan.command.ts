import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';

import { canPlanDevelopmentOf } from '../domain/access.rule';
import { type DevelopmentPlan, planProgramme } from '../domain/development-plan';
import type { CatalogueRepository, DevelopmentPlanRepository, EmployeeCopyRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { offeredProgramme } from './assignment-steps';

/** Adds a programme of the employee's catalogue to their plan. */
export class AddProgramToDevelopmentPlan {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly plans: DevelopmentPlanRepository,
  ) {}

  async execute(actor: Actor, planId: string, programId: string): Promise<DevelopmentPlan> {
    assertAuthenticated(actor.viewer);
    const plan = await this.plans.byId(planId);
    if (!plan) throw new NotFoundError('DevelopmentPlan', planId, 'planId');
    const [employee] = await this.employees.byIds([plan.employeeId]);
    const subject = { employeeId: plan.employeeId, agencyId: plan.agencyId, supervisorEmployeeId: employee?.supervisorEmployeeId ?? null };
    if (!canPlanDevelopmentOf(actor.viewer, subject)) throw new ForbiddenError('Only the employee, their supervisor or HR plans their development');
    const programme = await offeredProgramme(this.catalogue, programId, plan.agencyId, 'programId');
    return this.plans.update(plan, planProgramme(plan, programme), 'development-plan.programme-added', auditContextOf(actor));
  }
}
