import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';

import { canPlanDevelopmentOf } from '../domain/access.rule';
import { type DevelopmentPlan, prefilledPlan } from '../domain/development-plan';
import type { DevelopmentPlanRepository, IdGenerator, TrainingRecordRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

/**
 * Opens the employee's development plan for a year, prefilled from the gaps of their latest poor
 * assessment. Asking again returns the plan that exists: it is never prefilled twice.
 */
export class PrepareDevelopmentPlan {
  constructor(
    private readonly records: TrainingRecordRepository,
    private readonly plans: DevelopmentPlanRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, employeeId: string, year: number): Promise<DevelopmentPlan> {
    assertAuthenticated(actor.viewer);
    const [found] = await this.records.ofEmployees([employeeId], null);
    if (!found) throw new NotFoundError('Employee', employeeId, 'employeeId');
    if (!canPlanDevelopmentOf(actor.viewer, found.employee)) throw new ForbiddenError('Only the employee, their supervisor or HR plans their development');
    const plan = prefilledPlan(this.ids.newId(), { agencyId: found.employee.agencyId, employeeId, year }, found.assignments);
    return this.plans.create(plan, auditContextOf(actor));
  }
}
