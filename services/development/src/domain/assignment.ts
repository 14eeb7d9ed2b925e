import { ConflictError, type FieldProblem, ValidationError } from '@kinerja/errors';

import { type CalendarDate, isCalendarDate } from './calendar-date';
import { type Gap, gapKey } from './gap-mapping.rule';
import { requireCode, requireText, throwIfAny } from './validation';
import type { AssignmentReason, AssignmentStatus } from './vocabulary';

/** One programme for one employee, with the reason and the event that caused it. */
export interface TrainingAssignment {
  id: string;
  agencyId: string;
  employeeId: string;
  /** null only while AWAITING_HR_CHOICE. */
  programmeCode: string | null;
  reason: AssignmentReason;
  sourceEventId: string | null;
  /** The gaps it answers; empty unless the reason is PERFORMANCE_GAP. */
  gaps: readonly Gap[];
  status: AssignmentStatus;
  completedOn: CalendarDate | null;
  cancellationReason: string | null;
}

export interface NewAssignmentInput {
  agencyId: string;
  employeeId: string;
  programmeCode: string | null;
  reason: AssignmentReason;
  sourceEventId: string | null;
  gaps?: readonly Gap[];
}

// These reasons only exist because another service recorded something: the assignment must say what.
const EVENT_CAUSED: ReadonlySet<AssignmentReason> = new Set<AssignmentReason>(['PERFORMANCE_GAP', 'SANCTION_COACHING']);

/** Without a programme the assignment waits for HR, which only makes sense for a named gap. */
export function newAssignment(id: string, input: NewAssignmentInput): TrainingAssignment {
  const problems: FieldProblem[] = [];
  const gaps = input.gaps ?? [];
  const programmeCode = input.programmeCode === null ? null : requireCode(problems, 'programmeCode', input.programmeCode);
  if (programmeCode === null && gaps.length === 0) problems.push({ field: 'programmeCode', message: 'is required unless a gap awaits HR’s choice' });
  if (input.reason === 'PERFORMANCE_GAP' && gaps.length === 0) problems.push({ field: 'gaps', message: 'a performance-gap assignment names its gaps' });
  if (EVENT_CAUSED.has(input.reason) && !input.sourceEventId?.trim()) problems.push({ field: 'sourceEventId', message: `is required for ${input.reason}` });
  throwIfAny(problems);
  return {
    id,
    agencyId: input.agencyId,
    employeeId: input.employeeId,
    programmeCode,
    reason: input.reason,
    sourceEventId: input.sourceEventId?.trim() || null,
    gaps: [...gaps],
    status: programmeCode === null ? 'AWAITING_HR_CHOICE' : 'ASSIGNED',
    completedOn: null,
    cancellationReason: null,
  };
}

export type AssignmentAction =
  | { type: 'START' }
  | { type: 'COMPLETE'; completedOn: CalendarDate }
  | { type: 'CANCEL'; reason: string }
  | { type: 'CHOOSE_PROGRAMME'; programmeCode: string };

// COMPLETE is allowed straight from ASSIGNED: HR often records a completion (an e-learning
// certificate, a workshop attended) that nobody marked as started.
const ALLOWED: Record<AssignmentAction['type'], readonly AssignmentStatus[]> = {
  START: ['ASSIGNED'],
  COMPLETE: ['ASSIGNED', 'IN_PROGRESS'],
  CANCEL: ['ASSIGNED', 'IN_PROGRESS', 'AWAITING_HR_CHOICE'],
  CHOOSE_PROGRAMME: ['AWAITING_HR_CHOICE'],
};

/** The state machine of an assignment; a wrong state is a CONFLICT, bad input names its field. */
export function transitionAssignment(assignment: TrainingAssignment, action: AssignmentAction): TrainingAssignment {
  if (!ALLOWED[action.type].includes(assignment.status)) {
    throw new ConflictError(`Cannot ${action.type.toLowerCase().replace('_', ' ')} an assignment that is ${assignment.status}`, {
      assignmentId: assignment.id,
      status: assignment.status,
      action: action.type,
    });
  }
  const problems: FieldProblem[] = [];
  switch (action.type) {
    case 'START':
      return { ...assignment, status: 'IN_PROGRESS' };
    case 'COMPLETE':
      if (!isCalendarDate(action.completedOn)) throw new ValidationError({ field: 'completedOn', message: 'must be a date YYYY-MM-DD' });
      return { ...assignment, status: 'COMPLETED', completedOn: action.completedOn };
    case 'CANCEL': {
      // The reason is what an auditor reads later; it may not be blank.
      const reason = requireText(problems, 'reason', action.reason, 500);
      throwIfAny(problems);
      return { ...assignment, status: 'CANCELLED', cancellationReason: reason };
    }
    case 'CHOOSE_PROGRAMME': {
      const programmeCode = requireCode(problems, 'programmeCode', action.programmeCode);
      throwIfAny(problems);
      return { ...assignment, status: 'ASSIGNED', programmeCode };
    }
  }
}

/**
 * The "same employee, programme and cause never twice" key, stored in a unique column when the
 * assignment is created. The cause is the source event, so a redelivered event finds its own
 * assignment; without an event the reason stands in. A gap awaiting HR is keyed by the gap, so two
 * unmatched gaps of one assessment stay two assignments.
 */
export function assignmentKey(assignment: Pick<TrainingAssignment, 'employeeId' | 'programmeCode' | 'gaps' | 'sourceEventId' | 'reason'>): string {
  const firstGap = assignment.gaps[0];
  const target = assignment.programmeCode ? `programme:${assignment.programmeCode}` : firstGap ? `gap:${gapKey(firstGap)}` : 'programme:';
  const cause = assignment.sourceEventId ? `event:${assignment.sourceEventId}` : `reason:${assignment.reason}`;
  return `${assignment.employeeId}|${target}|${cause}`;
}
