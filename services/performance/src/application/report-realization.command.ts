import { isLate } from '../domain/period.rule';
import type { Clock, IdGenerator } from '../domain/ports';
import { newRealization, type Realization } from '../domain/realization';
import type { AssessmentRepository, RealizationRepository, SettingsRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import type { PlanContextSources } from './plan-context';
import { openRealizationSlot } from './realization-slot';

export interface ReportRealizationInput {
  indicatorId: string;
  /** The sub-period (month or quarter) the realization belongs to. */
  periodId: string;
  value: number;
  /** A link to the evidence, or null to upload a document afterwards (upload-evidence.command.ts). */
  evidenceUrl: string | null;
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
    const { indicator, plan, subPeriod } = await openRealizationSlot({ ...this.sources, assessments: this.assessments }, actor, input);
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
