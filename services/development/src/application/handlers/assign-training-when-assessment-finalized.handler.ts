import type { EventEnvelope } from '@kinerja/events';
import { todayIn } from '@kinerja/kernel';

import { gapMappingWithOverrides } from '../../domain/agency-gap-mapping';
import { assignmentKey, newAssignment } from '../../domain/assignment';
import type { AssignmentRecord } from '../../domain/assignment-record';
import { catalogueOfAgency } from '../../domain/catalogue';
import type { EmployeeCopy } from '../../domain/employee-copy';
import { DEFAULT_GAP_MAPPING, developmentNeeded, planAssignmentsForGaps, type PlannedAssignment } from '../../domain/gap-mapping.rule';
import { exceedsCap } from '../../domain/learning-hours.rule';
import { capWindowOf } from '../../domain/learning-window';
import type { EventTransaction } from '../../domain/repositories';
import type { TrainingProgram } from '../../domain/training-program';
import { isCoreValue, isPredikat } from '../../domain/vocabulary';
import { auditContextOfEvent } from '../actor';
import { assignedEvent, recordOf } from '../assignment-records';
import type { HandlerDeps } from './handler-deps';

type Finalized = EventEnvelope<'performance.assessment.finalized'>;

/** A PPPK's planned programme that would pass the JP cap goes to HR instead of failing the event. */
async function withinCap(tx: EventTransaction, employee: EmployeeCopy | null, today: string) {
  let committed = employee?.employmentType === 'PPPK' ? await tx.committedJp(employee.employeeId, capWindowOf(employee, today)) : 0;
  return (programme: TrainingProgram): boolean => {
    if (employee && exceedsCap({ employmentType: employee.employmentType, committedJp: committed, addedJp: programme.jpHours })) return false;
    committed += programme.jpHours;
    return true;
  };
}

function toRecord(event: Finalized, agencyId: string, id: string, planned: PlannedAssignment, programme: TrainingProgram | null): AssignmentRecord {
  const assignment = newAssignment(id, {
    agencyId,
    employeeId: event.payload.employeeId,
    programmeCode: programme?.code ?? null,
    reason: 'PERFORMANCE_GAP',
    sourceEventId: event.id,
    gaps: planned.gaps,
  });
  return recordOf(assignment, programme, assignmentKey(assignment));
}

/**
 * Rule 5, the flagship flow: a finalized assessment with a poor predikat assigns a programme for
 * every gap (each BerAKHLAK value and MAIN result rated BELOW) through the agency's gap mapping; a
 * gap with no programme becomes an assignment awaiting HR's choice, so none is dropped. The
 * assignments, their audit rows, their `development.training.assigned` events and the claim of
 * the event commit together: a redelivered event finds the claim and changes nothing.
 */
export function assignTrainingWhenAssessmentFinalized({ events, ids, clock }: HandlerDeps) {
  return async (event: Finalized): Promise<void> => {
    const { predikat, behaviourGaps, workResultGaps, employeeId } = event.payload;
    if (!isPredikat(predikat) || !developmentNeeded(predikat)) return;
    await events.handleOnce(event.id, async (tx) => {
      const employee = await tx.employee(employeeId);
      const agencyId = employee?.agencyId ?? event.agencyId;
      const catalogue = catalogueOfAgency(await tx.programmesOf(agencyId), agencyId);
      const plan = planAssignmentsForGaps({
        predikat,
        behaviourGaps: behaviourGaps.filter(isCoreValue),
        workResultGaps: workResultGaps.map((gap) => ({ id: gap.workResultId, title: gap.title })),
        mapping: gapMappingWithOverrides(DEFAULT_GAP_MAPPING, await tx.gapMappingOverrides(agencyId)),
        offeredCodes: new Set(catalogue.keys()),
      });
      const fits = await withinCap(tx, employee, todayIn(clock));
      const records = plan.map((planned) => {
        const programme = planned.programmeCode === null ? null : (catalogue.get(planned.programmeCode) ?? null);
        return toRecord(event, agencyId, ids.newId(), planned, programme && fits(programme) ? programme : null);
      });
      await tx.addAssignments(records, auditContextOfEvent(event.id), (created) => [assignedEvent(created)]);
    });
  };
}
