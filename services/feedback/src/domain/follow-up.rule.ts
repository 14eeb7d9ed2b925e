import { addDays, type CalendarDate } from './calendar-date';
import type { Predikat } from './vocabulary';

/** Days after a finalized assessment within which the follow-up dialogue is due, unless the agency sets its own. */
export const DEFAULT_FOLLOW_UP_DAYS = 30;
export const FOLLOW_UP_DAYS_RANGE = { min: 1, max: 365 } as const;

/** A poor predikat must lead to development (rule 5): its follow-up dialogue is required, not only expected. */
const POOR: readonly Predikat[] = ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

/** When the follow-up dialogue of an assessment finalized on `finalizedOn` is due, and whether it is required. */
export function followUpDue(input: { finalizedOn: CalendarDate; predikat: Predikat; days: number }): { dueBy: CalendarDate; required: boolean } {
  return { dueBy: addDays(input.finalizedOn, input.days), required: POOR.includes(input.predikat) };
}
