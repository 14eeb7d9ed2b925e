import { ValidationError } from '@kinerja/errors';

import { addDays, addYears, type CalendarDate, isCalendarDate, yearOf } from './calendar-date';
import type { EmploymentType } from './vocabulary';

/** A stretch of calendar days, both ends included. */
export interface DateWindow {
  start: CalendarDate;
  end: CalendarDate;
}

function requireDate(field: string, value: CalendarDate): void {
  if (!isCalendarDate(value)) throw new ValidationError({ field, message: 'must be a date YYYY-MM-DD' });
}

/**
 * The PPPK contract year (tahun masa perjanjian kerja) that contains `date`. Contract years run
 * from each anniversary of `contractStart` to the day before the next; a start on 29 February
 * has its anniversary on 1 March in common years, so the years stay back to back with no day lost.
 * `contractStart` is the start of the current agreement: a renewal starts its own years.
 */
export function contractYearOf(contractStart: CalendarDate, date: CalendarDate): DateWindow {
  requireDate('contractStart', contractStart);
  requireDate('date', date);
  if (date < contractStart) throw new ValidationError({ field: 'date', message: `is before the contract start ${contractStart}` });
  let years = yearOf(date) - yearOf(contractStart);
  if (addYears(contractStart, years) > date) years -= 1;
  return { start: addYears(contractStart, years), end: addDays(addYears(contractStart, years + 1), -1) };
}

/**
 * The days whose completed JP count for `learningHours(year)`: the calendar year for PNS and
 * CPNS; for a PPPK, the contract year that begins in that calendar year, so each contract year
 * is reported exactly once.
 */
export function learningHoursWindow(input: { employmentType: EmploymentType; year: number; contractStart?: CalendarDate | null }): DateWindow {
  if (!Number.isInteger(input.year) || input.year < 1900 || input.year > 9999) throw new ValidationError({ field: 'year', message: 'must be a year YYYY' });
  if (input.employmentType !== 'PPPK') return { start: `${input.year}-01-01`, end: `${input.year}-12-31` };
  if (!input.contractStart) throw new ValidationError({ field: 'contractStart', message: 'is needed to find a PPPK contract year' });
  requireDate('contractStart', input.contractStart);
  const offset = input.year - yearOf(input.contractStart);
  if (offset < 0) throw new ValidationError({ field: 'year', message: `is before the contract start ${input.contractStart}` });
  return contractYearOf(input.contractStart, addYears(input.contractStart, offset));
}
