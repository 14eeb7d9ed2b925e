import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import { type Assessment, type BehaviourValueRating, decideAssessment } from '../domain/assessment';
import { assertFinalizationAllowed } from '../domain/curve-enforcement.rule';
import { wouldBreak } from '../domain/distribution-curve.rule';
import { isUnitHead } from '../domain/employee-copy';
import { assessmentFinalized } from '../domain/events';
import { effectiveStatus } from '../domain/period';
import { assertPeriodOpen } from '../domain/period.rule';
import { proposeForPlan } from '../domain/plan-measures';
import type { Clock, IdGenerator } from '../domain/ports';
import type { AssessmentRepository, RealizationRepository, SettingsRepository, UnitRatingRepository } from '../domain/repositories';
import type { ExpectationRating } from '../domain/vocabulary';
import { decidedWorkResultGaps } from '../domain/work-result-gaps.rule';
import { unitHeadWorkResultRating } from '../domain/work-result-rating.rule';
import { type Actor, auditContextOf } from './actor';
import { loadPlanContext, type PlanContext, type PlanContextSources, requirePlanActor } from './plan-context';

export interface FinalizeAssessmentInput {
  planId: string;
  /** The plan's year (annual assessment) or one of its sub-periods (periodic assessment). */
  periodId: string;
  workResultRating: ExpectationRating;
  behaviourRating: ExpectationRating;
  behaviourRatings: BehaviourValueRating[];
  feedback: string;
  justification: string | null;
  overrideReason: string | null;
  /** The work results the supervisor decides are BELOW; null or omitted to derive them from the decision. */
  belowWorkResultIds?: readonly string[] | null;
}

export interface FinalizeAssessmentSources extends PlanContextSources {
  realizations: RealizationRepository;
  assessments: AssessmentRepository;
  unitRatings: UnitRatingRepository;
  settings: SettingsRepository;
  ids: IdGenerator;
  clock: Clock;
}

/**
 * The direct supervisor decides the ratings; the system proposes the work-result rating (rule 2,
 * or the unit's rating for its head), derives the predikat (rule 1) and checks the unit's curve
 * (rule 3, annual only). One transaction then makes it final: assessment, audit, outbox event.
 */
export class FinalizeAssessment {
  constructor(private readonly sources: FinalizeAssessmentSources) {}

  async execute(actor: Actor, input: FinalizeAssessmentInput): Promise<Assessment> {
    const context = await loadPlanContext(this.sources, input.planId);
    const { plan, subject } = context;
    if (requirePlanActor(actor.viewer, subject) !== 'SUPERVISOR') throw new ForbiddenError('Only the direct supervisor finalizes an assessment');
    const period = await this.assessedPeriod(context, input.periodId);
    const kind = period.kind === 'ANNUAL' ? 'ANNUAL' : 'PERIODIC';
    const settings = await this.sources.settings.ofAgency(plan.agencyId);
    const workResults = await this.sources.plans.workResultsOfPlans([plan.id]);
    const [indicators, realizations, [unitRating], [supervisor]] = await Promise.all([
      this.sources.plans.indicatorsOfWorkResults(workResults.map((w) => w.id)),
      this.sources.realizations.ofPlan(plan.id),
      this.sources.unitRatings.ofUnits([subject.orgUnitId], plan.periodId),
      subject.supervisorEmployeeId ? this.sources.copies.byIds([subject.supervisorEmployeeId]) : Promise.resolve([]),
    ]);
    const proposal = proposeForPlan(workResults, indicators, realizations, period, settings.workResultPolicy);
    const headedByUnitRating = unitRating && isUnitHead(subject, supervisor ?? null);
    const { assessment, behaviourRatings } = decideAssessment(
      {
        id: this.sources.ids.newId(),
        agencyId: plan.agencyId,
        planId: plan.id,
        periodId: period.id,
        employeeId: subject.employeeId,
        orgUnitId: subject.orgUnitId,
        kind,
        assessorEmployeeId: actor.viewer.employeeId ?? '',
        finalizedAt: this.sources.clock.now(),
        proposedWorkResultRating: headedByUnitRating ? unitHeadWorkResultRating(unitRating.rating) : proposal.proposal,
        workResultGaps: decidedWorkResultGaps({
          decided: input.workResultRating,
          measured: proposal.workResultGaps,
          workResults,
          named: input.belowWorkResultIds ?? null,
        }),
      },
      input,
    );
    let curve = null;
    if (kind === 'ANNUAL' && unitRating) {
      const unit = { orgUnitId: subject.orgUnitId, periodId: plan.periodId };
      const [counts, headcount] = await Promise.all([this.sources.assessments.countsInUnit(unit), this.sources.copies.headcountOfUnit(subject.orgUnitId)]);
      const breaks = wouldBreak(unitRating.rating, counts, assessment.predikat, headcount);
      try {
        assertFinalizationAllowed({
          enforcement: settings.distributionEnforcement,
          breaks,
          justification: input.justification,
          minJustificationLength: settings.minJustificationLength,
        });
      } catch (error) {
        throw error instanceof ValidationError ? error.under('input') : error;
      }
      assessment.curveWarning = breaks;
      curve = { ...unit, counts };
    }
    await this.sources.assessments.finalize(assessment, behaviourRatings, curve, auditContextOf(actor), [assessmentFinalized(assessment)]);
    return assessment;
  }

  /** The year (annual) or one of its sub-periods (periodic), open, on an approved plan not yet assessed for it. */
  private async assessedPeriod({ plan, annual }: PlanContext, periodId: string) {
    const [period] = periodId === annual.id ? [annual] : await this.sources.periods.byIds([periodId]);
    if (!period) throw new NotFoundError('PerformancePeriod', periodId, 'input.periodId');
    if (period.id !== plan.periodId && period.parentId !== plan.periodId) {
      throw new ValidationError({ field: 'input.periodId', message: "is neither the plan's year nor one of its sub-periods" });
    }
    assertPeriodOpen({ id: period.id, status: effectiveStatus(period, annual) });
    if (plan.status !== 'APPROVED') throw new ConflictError(`Only an approved plan is assessed; this one is ${plan.status}`, { status: plan.status });
    const done = await this.sources.assessments.ofPlans([plan.id]);
    if (done.some((a) => a.periodId === period.id)) throw new ConflictError('This assessment is already final and read-only', { field: 'input.periodId' });
    if (done.some((a) => a.kind === 'ANNUAL')) throw new ConflictError('The annual assessment closed this plan; no periodic assessment follows it');
    return period;
  }
}
