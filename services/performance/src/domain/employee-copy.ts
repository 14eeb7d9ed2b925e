import type { EmployeeState } from '@kinerja/events';

export { EMPLOYEE_STATUSES, type EmployeeStatus } from '@kinerja/events';

/**
 * identity's employee as performance keeps it, fed by `identity.employee.*` events. The reporting
 * line used for every decision here (who approves, who rates) is this copy's supervisor.
 */
export type EmployeeCopy = Omit<EmployeeState, 'occurredAt'> & {
  /** When identity made the change this copy reflects. */
  sourceOccurredAt: Date;
};

/**
 * The head of a unit: an employee of the unit whose supervisor is outside it (or who has none).
 * identity has no "head" flag; the reporting line says it: nobody in the unit is above them.
 */
export function isUnitHead(employee: EmployeeCopy, supervisor: EmployeeCopy | null): boolean {
  if (employee.status === 'LEFT') return false;
  return employee.supervisorEmployeeId === null || supervisor === null || supervisor.orgUnitId !== employee.orgUnitId;
}

/** Counted in the unit's distribution: everyone still employed (on leave included, they are assessed too). */
export function countsInHeadcount(employee: EmployeeCopy): boolean {
  return employee.status !== 'LEFT';
}
