import { ConflictError, type FieldProblem, ValidationError } from '@kinerja/errors';

/**
 * Rule 4: an agency's annual period (the calendar year, as PermenPANRB 6/2022 assesses it) and
 * its periodic sub-periods. Dates are calendar dates `YYYY-MM-DD`, inclusive at both ends, with no
 * time of day: a deadline is a day in the agency's own time zone, not an instant.
 */
export const CADENCES = ['MONTHLY', 'QUARTERLY'] as const;
export type Cadence = (typeof CADENCES)[number];

export interface SubPeriod {
  /** 1-based: month 1–12 or quarter 1–4. */
  index: number;
  start: string;
  end: string;
  /** Last day on which a realization still counts as on time. */
  fillInDeadline: string;
}

/** A fill-in window longer than a quarter would overlap the next sub-periods: more is taken as a typo. */
const MAX_FILL_IN_DAYS = 90;

const isoDate = (utcMs: number): string => new Date(utcMs).toISOString().slice(0, 10);

function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new ValidationError({ field: 'deadline', message: 'must be a date YYYY-MM-DD' });
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function buildSubPeriods(input: { year: number; cadence: Cadence; fillInDays: number }): SubPeriod[] {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 9999) problems.push({ field: 'year', message: 'must be a year from 2000' });
  if (!(CADENCES as readonly string[]).includes(input.cadence)) problems.push({ field: 'cadence', message: `must be one of ${CADENCES.join(', ')}` });
  if (!Number.isInteger(input.fillInDays) || input.fillInDays < 0 || input.fillInDays > MAX_FILL_IN_DAYS) {
    problems.push({ field: 'fillInDays', message: `must be a whole number of days from 0 to ${MAX_FILL_IN_DAYS}` });
  }
  if (problems.length > 0) throw new ValidationError(problems);

  const months = input.cadence === 'MONTHLY' ? 1 : 3;
  return Array.from({ length: 12 / months }, (_, i) => {
    const start = Date.UTC(input.year, i * months, 1);
    // Day 0 of the next sub-period's first month is this one's last day, leap years included.
    const end = Date.UTC(input.year, (i + 1) * months, 0);
    const deadline = Date.UTC(input.year, (i + 1) * months, input.fillInDays);
    return { index: i + 1, start: isoDate(start), end: isoDate(end), fillInDeadline: isoDate(deadline) };
  });
}

/** The sub-period a date (YYYY-MM-DD) falls in, or null outside the year. */
export function subPeriodOf(subPeriods: readonly SubPeriod[], date: string): SubPeriod | null {
  // ISO dates of one format compare correctly as strings.
  return subPeriods.find((p) => p.start <= date && date <= p.end) ?? null;
}

/** Western Indonesia Time (WIB), UTC+7; WITA (+8) and WIT (+9) agencies pass their own. */
export const WIB_UTC_OFFSET_HOURS = 7;

/** Late when reported after the whole deadline day has passed in the agency's time zone. */
export function isLate(deadline: string, reportedAt: Date, utcOffsetHours: number = WIB_UTC_OFFSET_HOURS): boolean {
  const { year, month, day } = parseIsoDate(deadline);
  const endOfDeadlineDay = Date.UTC(year, month - 1, day + 1) - utcOffsetHours * 3_600_000;
  return reportedAt.getTime() >= endOfDeadlineDay;
}

export const PERIOD_STATUSES = ['OPEN', 'CLOSED'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export interface PeriodState {
  id: string;
  status: PeriodStatus;
}

export function isPeriodOpen(period: PeriodState): boolean {
  return period.status === 'OPEN';
}

/** A closed period is history: plans, realizations and assessments in it no longer change. */
export function assertPeriodOpen(period: PeriodState): void {
  if (!isPeriodOpen(period)) throw new ConflictError(`Period ${period.id} is closed and accepts no more changes`, { periodId: period.id });
}

/** Closing twice is a conflict, not a no-op: the second caller acted on a stale view. */
export function closePeriod<P extends PeriodState>(period: P): Omit<P, 'status'> & { status: 'CLOSED' } {
  assertPeriodOpen(period);
  return { ...period, status: 'CLOSED' };
}
