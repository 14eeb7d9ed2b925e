import { assertAuthenticated, assertCanReadAgency, canReadAgency, type Viewer } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';
import { groupedBy, orderedBy, unique } from '@kinerja/kernel';

import { canReadPerformanceOf, planActorOf } from '../domain/access.rule';
import type { Assessment, BehaviourValueRating } from '../domain/assessment';
import { type CascadedWorkResultView, cascadeViewOf } from '../domain/cascade-view';
import type { PerformancePeriod } from '../domain/period';
import type { Indicator, PerformancePlan, WorkResult } from '../domain/plan';
import type { PlanRevision } from '../domain/plan-revision';
import { allowedActions, type PlanAction } from '../domain/plan-workflow.rule';
import type { Realization } from '../domain/realization';
import type {
  AssessmentRepository,
  EmployeeCopyRepository,
  PeriodRepository,
  PlanRepository,
  RealizationRepository,
  SettingsRepository,
} from '../domain/repositories';
import type { PerformanceSettings } from '../domain/settings';

/**
 * Reads of periods and plans. A single record the viewer may not see is FORBIDDEN; batches
 * (dataloaders, `_entities`) answer null for it. A plan is seen by the employee, the direct
 * supervisor and the agency's HR, head and auditors (access.rule); what hangs below a plan the
 * viewer was given is read without asking again.
 */
export class PerformanceReader {
  constructor(
    private readonly periods: PeriodRepository,
    private readonly plans: PlanRepository,
    private readonly copies: EmployeeCopyRepository,
    private readonly realizations: RealizationRepository,
    private readonly assessments: AssessmentRepository,
    private readonly settingsRepository: SettingsRepository,
  ) {}

  async performancePeriods(viewer: Viewer, agencyId: string): Promise<PerformancePeriod[]> {
    assertCanReadAgency(viewer, agencyId);
    return this.periods.annualOfAgency(agencyId);
  }

  async periodsByIds(viewer: Viewer, ids: readonly string[]): Promise<(PerformancePeriod | null)[]> {
    const periods = orderedBy(ids, await this.periods.byIds(ids), (p) => p.id);
    return periods.map((period) => (period && canReadAgency(viewer, period.agencyId) ? period : null));
  }

  async subPeriodsOf(viewer: Viewer, annualIds: readonly string[]): Promise<PerformancePeriod[][]> {
    const subPeriods = (await this.periods.subPeriodsOf(annualIds)).filter((p) => canReadAgency(viewer, p.agencyId));
    return groupedBy(annualIds, subPeriods, (p) => p.parentId);
  }

  async settings(viewer: Viewer, agencyId: string): Promise<PerformanceSettings> {
    assertCanReadAgency(viewer, agencyId);
    return this.settingsRepository.ofAgency(agencyId);
  }

  async plan(viewer: Viewer, id: string): Promise<PerformancePlan> {
    assertAuthenticated(viewer);
    const [plan] = await this.plans.byIds([id]);
    // Another agency's plan answers exactly like one that does not exist: no existence oracle.
    if (!plan || !canReadAgency(viewer, plan.agencyId)) throw new NotFoundError('PerformancePlan', id, 'id');
    const [visible] = await this.visiblePlans(viewer, [plan]);
    if (!visible) throw new ForbiddenError("Only the employee, their direct supervisor and the agency's HR, head and auditors see this SKP");
    return visible;
  }

  /** What the viewer may do with the plan now (the buttons a screen shows). */
  async planActions(viewer: Viewer, plan: PerformancePlan): Promise<PlanAction[]> {
    const [[subject], [annual]] = await Promise.all([this.copies.byIds([plan.employeeId]), this.periods.byIds([plan.periodId])]);
    const actor = subject ? planActorOf(viewer, subject) : null;
    if (!actor) return [];
    // Only an approved plan can be revised, and only until its annual assessment is final.
    const annualAssessmentFinal = plan.status === 'APPROVED' && (await this.assessments.ofPlans([plan.id])).some((a) => a.kind === 'ANNUAL');
    return allowedActions(plan.status, actor, { periodClosed: annual?.status === 'CLOSED', annualAssessmentFinal });
  }

  /** The revisions of plans the viewer was given, oldest first. */
  async revisionsOfPlans(planIds: readonly string[]): Promise<PlanRevision[][]> {
    return groupedBy(planIds, await this.plans.revisionsOfPlans(planIds), (r) => r.planId);
  }

  private async visiblePlans(viewer: Viewer, plans: readonly PerformancePlan[]): Promise<(PerformancePlan | null)[]> {
    const subjects = new Map((await this.copies.byIds(unique(plans.map((p) => p.employeeId)))).map((c) => [c.employeeId, c]));
    return plans.map((plan) => {
      const subject = subjects.get(plan.employeeId);
      return subject && canReadPerformanceOf(viewer, subject) ? plan : null;
    });
  }

  async workResultsOfPlans(planIds: readonly string[]): Promise<WorkResult[][]> {
    const workResults = [...(await this.plans.workResultsOfPlans(planIds))].sort((a, b) => a.position - b.position);
    return groupedBy(planIds, workResults, (w) => w.planId);
  }

  /**
   * The supervisor's RHK a result cascades from, shown to whoever sees the cascaded result: its
   * title and its indicators' targets only (cascade-view), never its realizations or evidence.
   */
  async cascadeSourcesByIds(ids: readonly string[]): Promise<(CascadedWorkResultView | null)[]> {
    const workResults = await this.plans.workResultsByIds(ids);
    const indicators = workResults.length > 0 ? await this.plans.indicatorsOfWorkResults(workResults.map((w) => w.id)) : [];
    return orderedBy(ids, workResults, (w) => w.id).map((w) => (w ? cascadeViewOf(w, indicators) : null));
  }

  /** The subordinates' RHKs cascaded from these, limited to the plans the viewer may see. */
  async cascadedTo(viewer: Viewer, workResultIds: readonly string[]): Promise<WorkResult[][]> {
    const children = await this.plans.cascadedFrom(workResultIds);
    const plans = children.length > 0 ? await this.plans.byIds(unique(children.map((c) => c.planId))) : [];
    const visible = new Set((await this.visiblePlans(viewer, plans)).filter((p): p is PerformancePlan => p !== null).map((p) => p.id));
    return groupedBy(
      workResultIds,
      children.filter((c) => visible.has(c.planId)),
      (c) => c.cascadedFromWorkResultId,
    );
  }

  async indicatorsOfWorkResults(workResultIds: readonly string[]): Promise<Indicator[][]> {
    const indicators = [...(await this.plans.indicatorsOfWorkResults(workResultIds))].sort((a, b) => a.position - b.position);
    return groupedBy(workResultIds, indicators, (i) => i.workResultId);
  }

  async realizationsOfIndicators(indicatorIds: readonly string[]): Promise<Realization[][]> {
    return groupedBy(indicatorIds, await this.realizations.ofIndicators(indicatorIds), (r) => r.indicatorId);
  }

  async assessmentsOfPlans(planIds: readonly string[]): Promise<Assessment[][]> {
    return groupedBy(planIds, await this.assessments.ofPlans(planIds), (a) => a.planId);
  }

  async behaviourRatingsOf(assessmentIds: readonly string[]): Promise<BehaviourValueRating[][]> {
    return groupedBy(assessmentIds, await this.assessments.behaviourRatingsOf(assessmentIds), (r) => r.assessmentId);
  }
}
