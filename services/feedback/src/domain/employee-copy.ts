import type { EmployeeState } from '@kinerja/events';

export { EMPLOYEE_STATUSES, type EmployeeStatus } from '@kinerja/events';

/**
 * What feedback keeps of an identity employee, fed by `identity.employee.*` events: the reporting
 * line (supervisor, unit, agency) that scopes notes and dialogues and derives a 360° cycle's raters.
 */
export type EmployeeCopy = Pick<EmployeeState, 'employeeId' | 'agencyId' | 'orgUnitId' | 'positionId' | 'name' | 'status' | 'supervisorEmployeeId'> & {
  /** When the last applied event happened. */
  lastEventAt: Date;
};
