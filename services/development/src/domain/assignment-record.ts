import { type TrainingAssignment } from './assignment';
import { LATSAR_CPNS_CODE } from './gap-mapping.rule';

export const TRAINING_RESULTS = ['PASSED', 'FAILED'] as const;
export type TrainingResult = (typeof TRAINING_RESULTS)[number];

/** An assignment as it is kept: the domain object plus the catalogue row it points at and the outcome. */
export interface AssignmentRecord extends TrainingAssignment {
  programId: string | null;
  sessionId: string | null;
  result: TrainingResult | null;
  /** The JP the completion counts for, fixed when it is recorded. */
  earnedJp: number | null;
  /** Unique: the same employee, programme and cause never twice. */
  dedupeKey: string;
}

/** Latsar CPNS is owed once per hire, whichever event announced it: keyed by the application. */
export function latsarAssignmentKey(employeeId: string, applicationId: string): string {
  return `${employeeId}|programme:${LATSAR_CPNS_CODE}|application:${applicationId}`;
}

/**
 * A manual assignment has no event for a cause; each is its own (an open one of the same
 * programme is refused before), so a programme can be repeated in a later year.
 */
export function manualAssignmentKey(assignment: Pick<TrainingAssignment, 'id' | 'employeeId' | 'programmeCode'>): string {
  return `${assignment.employeeId}|programme:${assignment.programmeCode ?? ''}|manual:${assignment.id}`;
}

/** A failed training earns no JP; a passed one earns the programme's JP. */
export function earnedJpOf(result: TrainingResult, programmeJp: number): number {
  return result === 'PASSED' ? programmeJp : 0;
}

/** ASSIGNED and IN_PROGRESS count against a PPPK's cap and a session's seats before they are done. */
export const OPEN_STATUSES = ['ASSIGNED', 'IN_PROGRESS'] as const;
