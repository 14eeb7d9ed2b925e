import { ConflictError, type FieldProblem } from '@kinerja/errors';

import { type CalendarDate, isCalendarDate } from './calendar-date';
import { requireCode, requireText, throwIfAny } from './validation';
import { isTrainingMode, type TrainingMode } from './vocabulary';

/** A programme of the catalogue; JP (jam pelajaran) are the lesson hours it counts for. */
export interface TrainingProgram {
  id: string;
  /** null: the province-wide catalogue every agency may use; otherwise the agency's own. */
  agencyId: string | null;
  code: string;
  title: string;
  jpHours: number;
  mode: TrainingMode;
  competencyCodes: string[];
}

export interface NewTrainingProgramInput {
  agencyId: string | null;
  code: string;
  title: string;
  jpHours: number;
  mode: TrainingMode;
  competencyCodes: readonly string[];
}

/** A generous ceiling that still fits the longest programme, Latsar CPNS, and stops a typo such as 2000. */
export const MAX_PROGRAMME_JP = 500;

export function newTrainingProgram(id: string, input: NewTrainingProgramInput): TrainingProgram {
  const problems: FieldProblem[] = [];
  const code = requireCode(problems, 'code', input.code);
  const title = requireText(problems, 'title', input.title);
  if (!Number.isInteger(input.jpHours)) problems.push({ field: 'jpHours', message: 'must be a whole number of JP' });
  else if (input.jpHours <= 0) problems.push({ field: 'jpHours', message: 'must be at least 1 JP' });
  else if (input.jpHours > MAX_PROGRAMME_JP) problems.push({ field: 'jpHours', message: `must be at most ${MAX_PROGRAMME_JP} JP` });
  if (!isTrainingMode(input.mode)) problems.push({ field: 'mode', message: `"${String(input.mode)}" is not a training mode` });
  if (input.competencyCodes.length === 0) problems.push({ field: 'competencyCodes', message: 'must name at least one competency the programme builds' });
  const competencyCodes = [...new Set(input.competencyCodes.map((c, i) => requireCode(problems, `competencyCodes.${i}`, c)))];
  throwIfAny(problems);
  return { id, agencyId: input.agencyId, code, title, jpHours: input.jpHours, mode: input.mode, competencyCodes };
}

/** One run of a programme, on calendar days, with a seat limit. */
export interface TrainingSession {
  id: string;
  programId: string;
  startDate: CalendarDate;
  endDate: CalendarDate;
  capacity: number;
}

export function newSession(id: string, input: { programId: string; startDate: CalendarDate; endDate: CalendarDate; capacity: number }): TrainingSession {
  const problems: FieldProblem[] = [];
  const startValid = isCalendarDate(input.startDate);
  const endValid = isCalendarDate(input.endDate);
  if (!startValid) problems.push({ field: 'startDate', message: 'must be a date YYYY-MM-DD' });
  if (!endValid) problems.push({ field: 'endDate', message: 'must be a date YYYY-MM-DD' });
  // A one-day session starts and ends on the same day.
  if (startValid && endValid && input.endDate < input.startDate) problems.push({ field: 'endDate', message: 'must not be before the start date' });
  if (!Number.isInteger(input.capacity) || input.capacity < 1) problems.push({ field: 'capacity', message: 'must be a whole number of at least 1 seat' });
  throwIfAny(problems);
  return { id, ...input };
}

/** Refuses one more enrolment when the `enrolled` participants already fill every seat. */
export function assertSeatAvailable(session: TrainingSession, enrolled: number): void {
  if (enrolled >= session.capacity) {
    throw new ConflictError(`Session ${session.id} is full (${session.capacity} seats)`, { sessionId: session.id, capacity: session.capacity, enrolled });
  }
}
