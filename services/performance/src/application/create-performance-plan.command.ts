import { assertAuthenticated } from '@kinerja/auth';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import { assertPeriodOpen } from '../domain/period.rule';
import { newPlan, type PerformancePlan } from '../domain/plan';
import type { IdGenerator } from '../domain/ports';
import type { EmployeeCopyRepository, PeriodRepository, PlanRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

/** An employee starts their SKP for an annual period of their agency: one per employee and year. */
export class CreatePerformancePlan {
  constructor(
    private readonly plans: PlanRepository,
    private readonly periods: PeriodRepository,
    private readonly copies: EmployeeCopyRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: { periodId: string }): Promise<PerformancePlan> {
    const { viewer } = actor;
    assertAuthenticated(viewer);
    if (!viewer.employeeId) throw new ForbiddenError('Only an employee makes an SKP, for themself');
    const [period] = await this.periods.byIds([input.periodId]);
    if (!period) throw new NotFoundError('PerformancePeriod', input.periodId, 'input.periodId');
    const [subject] = await this.copies.byIds([viewer.employeeId]);
    if (!subject) throw new ConflictError('Your employee record has not reached the performance service yet; try again in a moment');
    if (subject.agencyId !== period.agencyId) throw new ForbiddenError('This period belongs to another agency');
    if (subject.status === 'LEFT') throw new ForbiddenError('An employee who has left makes no new plan');
    if (period.kind !== 'ANNUAL') throw new ValidationError({ field: 'input.periodId', message: 'an SKP is made for an annual period, not a sub-period' });
    assertPeriodOpen(period);
    if (await this.plans.ofEmployeeInPeriod(subject.employeeId, period.id)) {
      throw new ConflictError(`You already have an SKP for ${period.year}`, { field: 'input.periodId' });
    }
    const plan = newPlan(this.ids.newId(), { agencyId: subject.agencyId, periodId: period.id, employeeId: subject.employeeId, orgUnitId: subject.orgUnitId });
    await this.plans.create(plan, auditContextOf(actor));
    return plan;
  }
}
