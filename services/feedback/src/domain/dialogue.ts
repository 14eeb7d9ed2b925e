import { ConflictError, ForbiddenError, ValidationError } from '@kinerja/errors';
import type { Clock, IdGenerator } from '@kinerja/kernel';

import { type CalendarDate, isCalendarDate } from './calendar-date';
import type { EmployeeCopy } from './employee-copy';
import { DIALOGUE_KINDS, type DialogueKind, type DialogueStatus } from './vocabulary';

/** Dialog kinerja between an employee and their direct supervisor; the one who did not record it acknowledges. */
export interface PerformanceDialogue {
  id: string;
  agencyId: string;
  employeeId: string;
  supervisorEmployeeId: string | null;
  kind: DialogueKind;
  status: DialogueStatus;
  /** The day the conversation took place (null while only due). */
  date: CalendarDate | null;
  summary: string | null;
  agreements: string | null;
  recordedByEmployeeId: string | null;
  recordedAt: Date | null;
  acknowledgedAt: Date | null;
  /** A follow-up the system scheduled: due by this day, required after a poor predikat. */
  dueBy: CalendarDate | null;
  required: boolean;
  /** The `performance.assessment.finalized` event that made it due. */
  sourceEventId: string | null;
  createdAt: Date;
}

export const DIALOGUE_TEXT_MAX_LENGTH = 8_000;

export interface DialogueRecord {
  kind: string;
  date: string;
  summary: string;
  agreements: string;
}

function text(value: string, field: string, required: boolean): string {
  const trimmed = value.trim();
  if (required && trimmed.length === 0) throw new ValidationError({ field, message: 'must not be empty' });
  if (trimmed.length > DIALOGUE_TEXT_MAX_LENGTH) throw new ValidationError({ field, message: `must be at most ${DIALOGUE_TEXT_MAX_LENGTH} characters` });
  return trimmed;
}

/** Checks what a party writes down; `today` is the agency's day (a conversation cannot be in the future). */
function validRecord(input: DialogueRecord, today: CalendarDate) {
  if (!(DIALOGUE_KINDS as readonly string[]).includes(input.kind))
    throw new ValidationError({ field: 'kind', message: `must be one of ${DIALOGUE_KINDS.join(', ')}` });
  if (!isCalendarDate(input.date)) throw new ValidationError({ field: 'date', message: 'must be a day as YYYY-MM-DD' });
  if (input.date > today) throw new ValidationError({ field: 'date', message: 'must not be in the future' });
  return {
    kind: input.kind as DialogueKind,
    date: input.date,
    summary: text(input.summary, 'summary', true),
    agreements: text(input.agreements, 'agreements', false),
  };
}

/** A dialogue recorded by one of its two parties; a due follow-up is fulfilled instead when there is one. */
export function recordDialogue(
  employee: EmployeeCopy,
  recorderEmployeeId: string,
  input: DialogueRecord,
  due: PerformanceDialogue | null,
  context: { ids: IdGenerator; clock: Clock; today: CalendarDate },
): PerformanceDialogue {
  const record = validRecord(input, context.today);
  const now = context.clock.now();
  const written = {
    ...record,
    status: 'RECORDED' as const,
    recordedByEmployeeId: recorderEmployeeId,
    recordedAt: now,
    supervisorEmployeeId: employee.supervisorEmployeeId,
  };
  if (due && record.kind === 'FOLLOW_UP') return { ...due, ...written };
  return {
    id: context.ids.newId(),
    agencyId: employee.agencyId,
    employeeId: employee.employeeId,
    acknowledgedAt: null,
    dueBy: null,
    required: false,
    sourceEventId: null,
    createdAt: now,
    ...written,
  };
}

/** The other party confirms the record; the recorder cannot acknowledge their own. */
export function acknowledgeDialogue(dialogue: PerformanceDialogue, viewerEmployeeId: string, clock: Clock): PerformanceDialogue {
  if (dialogue.status === 'DUE') throw new ConflictError('This dialogue has not been recorded yet', { field: 'dialogueId' });
  if (dialogue.status === 'ACKNOWLEDGED') throw new ConflictError('This dialogue is already acknowledged', { field: 'dialogueId' });
  if (dialogue.recordedByEmployeeId === viewerEmployeeId) throw new ForbiddenError('The other party acknowledges a dialogue, not the one who recorded it');
  return { ...dialogue, status: 'ACKNOWLEDGED', acknowledgedAt: clock.now() };
}
