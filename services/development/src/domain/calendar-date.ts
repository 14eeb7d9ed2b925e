/**
 * A day in the calendar as `YYYY-MM-DD`, with no time of day and no zone: a training day or a
 * contract start is the same day in WIB, WITA and WIT, and a `Date` at midnight would shift it.
 * The format sorts as text, so `a <= b` compares two days.
 */
export type CalendarDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toUtc(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10);
}

export function isCalendarDate(value: string): boolean {
  const match = SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** The same day `years` later; 29 February rolls over to 1 March in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const start = toUtc(date);
  return fromUtc(new Date(Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), start.getUTCDate())));
}
