import type { PerformancePlan } from '../domain/plan';
import { revisePlan } from '../domain/plan-revision';
import type { Clock, IdGenerator } from '../domain/ports';
import type { AssessmentRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { loadPlanContext, type PlanContextSources, requirePlanActor } from './plan-context';

export interface RevisePerformancePlanInput {
  planId: string;
  reason: string;
}

/**
 * Perubahan SKP: the employee or the direct supervisor reopens an approved plan as a draft, with a
 * reason; the plan as agreed is kept in the revision (plan-revision.ts), and the draft goes
 * through submit and approve again. Refused once the annual assessment is final or the year is
 * closed (plan-workflow.rule).
 */
export class RevisePerformancePlan {
  constructor(
    private readonly sources: PlanContextSources & { assessments: AssessmentRepository },
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: RevisePerformancePlanInput): Promise<PerformancePlan> {
    const { plan, subject, annual } = await loadPlanContext(this.sources, input.planId);
    const planActor = requirePlanActor(actor.viewer, subject);
    const workResults = await this.sources.plans.workResultsOfPlans([plan.id]);
    const [indicators, assessments, earlier] = await Promise.all([
      this.sources.plans.indicatorsOfWorkResults(workResults.map((w) => w.id)),
      this.sources.assessments.ofPlans([plan.id]),
      this.sources.plans.revisionsOfPlans([plan.id]),
    ]);
    const { plan: after, revision } = revisePlan(plan, planActor, {
      id: this.ids.newId(),
      at: this.clock.now(),
      actorEmployeeId: actor.viewer.employeeId ?? '',
      earlierRevisions: earlier.length,
      facts: { reason: input.reason, annualAssessmentFinal: assessments.some((a) => a.kind === 'ANNUAL'), periodClosed: annual.status === 'CLOSED' },
      workResults,
      indicators,
    });
    await this.sources.plans.revise(plan, after, revision, auditContextOf(actor));
    return after;
  }
}
