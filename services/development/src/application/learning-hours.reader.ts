import { assertAuthenticated, type Viewer } from '@kinerja/auth';
import { ForbiddenError, ValidationError } from '@kinerja/errors';
import { orderedBy } from '@kinerja/kernel';

import { canReadAgencyReport, canSeeDevelopmentOf } from '../domain/access.rule';
import type { DateWindow } from '../domain/contract-year.rule';
import type { EmployeeCopy } from '../domain/employee-copy';
import { LATSAR_CPNS_CODE } from '../domain/gap-mapping.rule';
import { belowEntitlement, type LearningHoursSummary, learningHoursSummary } from '../domain/learning-hours.rule';
import { learningWindowOf } from '../domain/learning-window';
import type { EmployeeCompletions, TrainingRecordRepository } from '../domain/repositories';

export interface LearningHoursShortfall {
  employee: EmployeeCopy;
  summary: LearningHoursSummary;
}

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new ValidationError({ field: 'year', message: 'must be a year YYYY' });
}

const within = (window: DateWindow, day: string) => window.start <= day && day <= window.end;

/** Rule 5 over what was completed: JP inside the employee's window, and whether Latsar CPNS is done. */
function summaryOf({ employee, completions }: EmployeeCompletions, year: number): LearningHoursSummary {
  const window = learningWindowOf(employee, year);
  const completedJp = completions.filter((c) => within(window, c.completedOn)).reduce((sum, c) => sum + c.jp, 0);
  const latsarCompleted = completions.some((c) => c.programmeCode === LATSAR_CPNS_CODE);
  return learningHoursSummary({ employmentType: employee.employmentType, completedJp, year, latsarCompleted });
}

export class LearningHoursReader {
  constructor(private readonly records: TrainingRecordRepository) {}

  /** `Employee.learningHours(year)` for a batch; null where the viewer may not look or the employee is unknown. */
  async learningHoursOf(viewer: Viewer, employeeIds: readonly string[], year: number): Promise<(LearningHoursSummary | null)[]> {
    requireYear(year);
    if (viewer.userId === null) return employeeIds.map(() => null);
    // A PPPK's contract year that begins in `year` ends in the next one: read both, count per employee.
    const rows = await this.records.completionsOfEmployees(employeeIds, { start: `${year}-01-01`, end: `${year + 1}-12-31` });
    return orderedBy(employeeIds, rows, (row) => row.employee.employeeId).map((row) =>
      row && canSeeDevelopmentOf(viewer, row.employee) ? summaryOf(row, year) : null,
    );
  }

  /** The agency's PNS and CPNS still in service who have fewer JP than their entitlement for the year. */
  async belowEntitlement(viewer: Viewer, agencyId: string, year: number): Promise<LearningHoursShortfall[]> {
    assertAuthenticated(viewer);
    if (!canReadAgencyReport(viewer, agencyId)) throw new ForbiddenError("Only the agency's HR, its head, the province admin and auditors see this report");
    requireYear(year);
    const rows = await this.records.completionsInAgency(agencyId, { start: `${year}-01-01`, end: `${year}-12-31` });
    return rows
      .filter((row) => row.employee.employmentType !== 'PPPK')
      .map((row) => ({ employee: row.employee, summary: summaryOf(row, year) }))
      .filter((row) => belowEntitlement(row.summary));
  }
}
