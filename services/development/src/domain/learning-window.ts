import { type CalendarDate, yearOf } from './calendar-date';
import { contractYearOf, type DateWindow, learningHoursWindow } from './contract-year.rule';
import type { EmployeeCopy } from './employee-copy';

type JpSubject = Pick<EmployeeCopy, 'employmentType' | 'contractStart'>;

const calendarYear = (year: number): DateWindow => ({ start: `${year}-01-01`, end: `${year}-12-31` });

/**
 * The days whose JP count for `learningHours(year)`. identity's events do not carry a PPPK's
 * contract start yet; until it is known the calendar year stands in for the contract year.
 */
export function learningWindowOf(employee: JpSubject, year: number): DateWindow {
  if (employee.employmentType === 'PPPK' && (!employee.contractStart || yearOf(employee.contractStart) > year)) {
    return learningHoursWindow({ employmentType: 'PNS', year });
  }
  return learningHoursWindow({ employmentType: employee.employmentType, year, contractStart: employee.contractStart });
}

/** The window a PPPK's cap is checked in when training lands on `day`: the contract year holding it. */
export function capWindowOf(employee: JpSubject, day: CalendarDate): DateWindow {
  if (employee.employmentType !== 'PPPK' || !employee.contractStart || day < employee.contractStart) return calendarYear(yearOf(day));
  return contractYearOf(employee.contractStart, day);
}
