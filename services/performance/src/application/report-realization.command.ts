import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import { effectiveStatus } from '../domain/period';
import { assertPeriodOpen, isLate } from '../domain/period.rule';
import type { Clock, IdGenerator } from '../domain/ports';
import { newRealization, type Realization } from '../domain/realization';
import type { AssessmentRepository, RealizationRepository, SettingsRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { loadPlanContext, type PlanContextSources, requirePlanActor } from './plan-context';

export interface ReportRealizationInput {
  indicatorId: string;
  /** The sub-period (month or quarter) the realization belongs to. */
  periodId: string;
  value: number;
  evidenceUrl: string;
  note: string | null;
}

/** The employee reports what an indicator achieved in a sub-period; a report after its deadline is marked late. */
export class ReportRealization {
  constructor(
    private readonly sources: PlanContextSources,
    private readonly realizations: RealizationRepository,
    private readonly assessments: AssessmentRepository,
    private readonly settings: SettingsRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: ReportRealizationInput): Promise<Realization> {
    const [indicator] = await this.sources.plans.indicatorsByIds([input.indicatorId]);
    if (!indicator) throw new NotFoundError('Indicator', input.indicatorId, 'input.indicatorId');
    const [workResult] = await this.sources.plans.workResultsByIds([indicator.workResultId]);
    const { plan, subject, annual } = await loadPlanContext(this.sources, workResult?.planId ?? '', 'input.indicatorId');
    if (requirePlanActor(actor.viewer, subject) !== 'EMPLOYEE') throw new ForbiddenError('Only the employee reports realizations of their plan');
    const [subPeriod] = await this.sources.periods.byIds([input.periodId]);
    if (!subPeriod) throw new NotFoundError('PerformancePeriod', input.periodId, 'input.periodId');
    if (subPeriod.parentId !== plan.periodId) throw new ValidationError({ field: 'input.periodId', message: "is not a sub-period of the plan's year" });
    assertPeriodOpen({ id: subPeriod.id, status: effectiveStatus(subPeriod, annual) });
    if (plan.status !== 'APPROVED')
      throw new ConflictError(`Realizations are reported against an approved plan; this one is ${plan.status}`, { status: plan.status });
    const finalized = await this.assessments.ofPlans([plan.id]);
    if (finalized.some((a) => a.kind === 'ANNUAL' || a.periodId === subPeriod.id)) {
      throw new ConflictError('The assessment of this period is final; its realizations are read-only');
    }
    const settings = await this.settings.ofAgency(plan.agencyId);
    const now = this.clock.now();
    const before = (await this.realizations.ofIndicators([indicator.id])).find((r) => r.subPeriodId === subPeriod.id) ?? null;
    const realization = newRealization(
      before?.id ?? this.ids.newId(),
      { indicatorId: indicator.id, planId: plan.id, subPeriodId: subPeriod.id, value: input.value, evidenceUrl: input.evidenceUrl, note: input.note },
      now,
      isLate(subPeriod.fillInDeadline, now, settings.utcOffsetHours),
    );
    await this.realizations.save(before, realization, plan.agencyId, auditContextOf(actor));
    return realization;
  }
}
