import { assertPeriodOpen } from '../domain/period.rule';
import { assertReadyToSubmit, changePlanStatus, type PerformancePlan } from '../domain/plan';
import type { PlanAction } from '../domain/plan-workflow.rule';
import type { Clock } from '../domain/ports';
import { type Actor, auditContextOf } from './actor';
import { loadPlanContext, type PlanContextSources, requirePlanActor } from './plan-context';

/** The steps of the plain workflow; REVISE has its own use case (revise-performance-plan.command.ts). */
export type WorkflowAction = Exclude<PlanAction, 'REVISE'>;

const AUDIT_ACTION: Readonly<Record<WorkflowAction, string>> = {
  SUBMIT: 'plan.submitted',
  APPROVE: 'plan.approved',
  RETURN: 'plan.returned',
  EDIT: 'plan.reopened',
};

/**
 * The SKP workflow: the employee submits (or reopens a returned plan), the direct supervisor from
 * the local reporting line approves or returns it with a note (plan-workflow.rule).
 */
export class ChangePlanStatus {
  constructor(
    private readonly sources: PlanContextSources,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, planId: string, action: WorkflowAction, note: string | null = null): Promise<PerformancePlan> {
    const { plan, subject, annual } = await loadPlanContext(this.sources, planId, 'planId');
    const planActor = requirePlanActor(actor.viewer, subject);
    assertPeriodOpen(annual);
    const after = changePlanStatus(plan, action, planActor, { at: this.clock.now(), actorEmployeeId: actor.viewer.employeeId ?? '', note });
    if (action === 'SUBMIT') {
      const workResults = await this.sources.plans.workResultsOfPlans([plan.id]);
      assertReadyToSubmit(workResults, await this.sources.plans.indicatorsOfWorkResults(workResults.map((w) => w.id)));
    }
    await this.sources.plans.update(plan, after, AUDIT_ACTION[action], auditContextOf(actor));
    return after;
  }
}
