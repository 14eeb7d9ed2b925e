import type { EventEnvelope } from '@kinerja/events';
import { todayIn, unique } from '@kinerja/kernel';
import { batchable, type BatchEventHandler } from '@kinerja/messaging';

import { gapMappingWithOverrides } from '../../domain/agency-gap-mapping';
import { assignmentKey, newAssignment } from '../../domain/assignment';
import type { AssignmentRecord } from '../../domain/assignment-record';
import { catalogueOfAgency } from '../../domain/catalogue';
import type { EmployeeCopy } from '../../domain/employee-copy';
import { DEFAULT_GAP_MAPPING, developmentNeeded, planAssignmentsForGaps, type PlannedAssignment } from '../../domain/gap-mapping.rule';
import { exceedsCap } from '../../domain/learning-hours.rule';
import { capWindowOf } from '../../domain/learning-window';
import type { AuditedAssignment, EventBatchTransaction, EventTransaction } from '../../domain/repositories';
import type { TrainingProgram } from '../../domain/training-program';
import { isCoreValue, isPredikat } from '../../domain/vocabulary';
import { auditContextOfEvent } from '../actor';
import { assignedEvent, recordOf } from '../assignment-records';
import type { HandlerDeps } from './handler-deps';

type Finalized = EventEnvelope<'performance.assessment.finalized'>;

/** A PPPK's planned programme that would pass the JP cap goes to HR instead of failing the event. */
function capGuard(employee: EmployeeCopy | null, committedJp: number): (programme: TrainingProgram) => boolean {
  let committed = committedJp;
  return (programme) => {
    if (employee && exceedsCap({ employmentType: employee.employmentType, committedJp: committed, addedJp: programme.jpHours })) return false;
    committed += programme.jpHours;
    return true;
  };
}

async function withinCap(tx: EventTransaction, employee: EmployeeCopy | null, today: string) {
  return capGuard(employee, employee?.employmentType === 'PPPK' ? await tx.committedJp(employee.employeeId, capWindowOf(employee, today)) : 0);
}

const isPoor = (event: Finalized): boolean => isPredikat(event.payload.predikat) && developmentNeeded(event.payload.predikat);

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
export function assignTrainingWhenAssessmentFinalized({ events, ids, clock }: HandlerDeps): BatchEventHandler<'performance.assessment.finalized'> {
  const handle = async (event: Finalized): Promise<void> => {
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

  /**
   * The same rule for a partition's batch in one transaction and a fixed number of statements:
   * claim all, read the employees, programmes, gap mappings and PPPK commitments of all, insert
   * the assignments, their audit rows and their outbox rows once each. Events apply in order: an
   * employee's second event in the batch sees the JP the first one committed.
   */
  const handleBatch = async (batch: readonly Finalized[]): Promise<void> => {
    const poor = batch.filter(isPoor);
    if (poor.length === 0) return;
    await events.handleBatchOnce(
      poor.map((event) => event.id),
      async (tx, claimed) => {
        const seen = new Set<string>();
        const fresh = poor.filter((event) => claimed.has(event.id) && !seen.has(event.id) && seen.add(event.id));
        await assignForBatch(tx, fresh, { ids, today: todayIn(clock) });
      },
    );
  };

  return batchable(handle, handleBatch);
}

async function assignForBatch(
  tx: EventBatchTransaction,
  fresh: readonly Finalized[],
  { ids, today }: { ids: HandlerDeps['ids']; today: string },
): Promise<void> {
  const employees = await tx.employees(unique(fresh.map((event) => event.payload.employeeId)));
  const agencyOf = (event: Finalized): string => employees.get(event.payload.employeeId)?.agencyId ?? event.agencyId;
  const agencyIds = unique(fresh.map(agencyOf));
  const programmes = await tx.programmesOfAgencies(agencyIds);
  const overrides = await tx.gapMappingOverridesOf(agencyIds);
  const pppk = [...employees.values()].filter((employee) => employee.employmentType === 'PPPK');
  const committed = await tx.committedJpOf(pppk.map((employee) => ({ employeeId: employee.employeeId, window: capWindowOf(employee, today) })));
  const guards = new Map<string, (programme: TrainingProgram) => boolean>();
  const records: AuditedAssignment[] = [];
  for (const event of fresh) {
    const { predikat, behaviourGaps, workResultGaps, employeeId } = event.payload;
    if (!isPredikat(predikat)) continue;
    const employee = employees.get(employeeId) ?? null;
    const agencyId = agencyOf(event);
    const catalogue = catalogueOfAgency(programmes, agencyId);
    const plan = planAssignmentsForGaps({
      predikat,
      behaviourGaps: behaviourGaps.filter(isCoreValue),
      workResultGaps: workResultGaps.map((gap) => ({ id: gap.workResultId, title: gap.title })),
      mapping: gapMappingWithOverrides(DEFAULT_GAP_MAPPING, overrides.get(agencyId) ?? []),
      offeredCodes: new Set(catalogue.keys()),
    });
    let fits = guards.get(employeeId);
    if (!fits) {
      fits = capGuard(employee, committed.get(employeeId) ?? 0);
      guards.set(employeeId, fits);
    }
    const audit = auditContextOfEvent(event.id);
    for (const planned of plan) {
      const programme = planned.programmeCode === null ? null : (catalogue.get(planned.programmeCode) ?? null);
      records.push({ assignment: toRecord(event, agencyId, ids.newId(), planned, programme && fits(programme) ? programme : null), audit });
    }
  }
  await tx.addAssignments(records, (created) => [assignedEvent(created)]);
}
