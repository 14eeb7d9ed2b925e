import type { EventEnvelope } from '@kinerja/events';
import type { EventHandler } from '@kinerja/messaging';

import { WIB_UTC_OFFSET_HOURS } from '../domain/period.rule';
import type { IdGenerator } from '../domain/ports';
import type { DevelopmentEvidenceRepository, EmployeeCopyRepository, PeriodRepository, PlanRepository } from '../domain/repositories';

export interface DevelopmentEvidenceSources {
  copies: EmployeeCopyRepository;
  periods: PeriodRepository;
  plans: PlanRepository;
  evidence: DevelopmentEvidenceRepository;
  ids: IdGenerator;
}

/**
 * A completed training becomes development evidence, attached to the employee's plan of the year it
 * was completed in (when there is one). The agency is the employee's, from the local copy; before
 * the copy has arrived, the envelope's.
 */
export function recordDevelopmentEvidenceWhenTrainingCompleted(sources: DevelopmentEvidenceSources): {
  'development.training.completed': EventHandler<'development.training.completed'>;
} {
  return {
    'development.training.completed': async (event: EventEnvelope<'development.training.completed'>) => {
      const { payload } = event;
      const [copy] = await sources.copies.byIds([payload.employeeId]);
      const agencyId = copy?.agencyId ?? event.agencyId;
      const completedAt = new Date(payload.completedAt);
      const year = new Date(completedAt.getTime() + WIB_UTC_OFFSET_HOURS * 3_600_000).getUTCFullYear();
      const annual = await sources.periods.annualOfYear(agencyId, year);
      const plan = annual ? await sources.plans.ofEmployeeInPeriod(payload.employeeId, annual.id) : null;
      await sources.evidence.recordFromEvent({
        id: sources.ids.newId(),
        eventId: event.id,
        agencyId,
        employeeId: payload.employeeId,
        planId: plan?.id ?? null,
        assignmentId: payload.assignmentId,
        programId: payload.programId,
        programTitle: payload.programTitle,
        jp: payload.jp,
        competencies: [...payload.competencies],
        certificateNumber: payload.certificateNumber,
        completedAt,
      });
    },
  };
}
