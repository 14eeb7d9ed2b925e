import { ConflictError, ForbiddenError, ValidationError } from '@kinerja/errors';

import { assertPeriodOpen } from '../domain/period.rule';
import type { PerformancePlan } from '../domain/plan';
import type { Clock } from '../domain/ports';
import type { AssessmentRepository } from '../domain/repositories';
import type { ExpectationRating } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import { loadPlanContext, type PlanContextSources, requirePlanActor } from './plan-context';

export interface SubmitSelfAssessmentInput {
  planId: string;
  workResultRating: ExpectationRating;
  behaviourRating: ExpectationRating;
  note: string;
}

/** The employee's own view of the year, input to the supervisor's decision; it can be revised until the annual assessment is final. */
export class SubmitSelfAssessment {
  constructor(
    private readonly sources: PlanContextSources,
    private readonly assessments: AssessmentRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: SubmitSelfAssessmentInput): Promise<PerformancePlan> {
    const { plan, subject, annual } = await loadPlanContext(this.sources, input.planId);
    if (requirePlanActor(actor.viewer, subject) !== 'EMPLOYEE') throw new ForbiddenError('Only the employee assesses themself');
    assertPeriodOpen(annual);
    if (plan.status !== 'APPROVED')
      throw new ConflictError(`A self-assessment is made on an approved plan; this one is ${plan.status}`, { status: plan.status });
    if ((await this.assessments.ofPlans([plan.id])).some((a) => a.kind === 'ANNUAL')) {
      throw new ConflictError('The annual assessment is final; the self-assessment is read-only');
    }
    const note = input.note.trim();
    if (note.length < 10 || note.length > 5000) throw new ValidationError({ field: 'input.note', message: 'must be 10-5000 characters' });
    const after: PerformancePlan = {
      ...plan,
      selfAssessment: { workResultRating: input.workResultRating, behaviourRating: input.behaviourRating, note, submittedAt: this.clock.now() },
    };
    await this.sources.plans.update(plan, after, 'plan.self-assessed', auditContextOf(actor));
    return after;
  }
}
