export const EMPLOYMENT_TYPES = ['PNS', 'PPPK', 'CPNS'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const EMPLOYEE_STATUSES = ['ACTIVE', 'ON_LEAVE', 'LEFT'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

/**
 * identity's employee as performance keeps it, fed by `identity.employee.*` events. The reporting
 * line used for every decision here (who approves, who rates) is this copy's supervisor.
 */
export interface EmployeeCopy {
  employeeId: string;
  agencyId: string;
  orgUnitId: string;
  positionId: string | null;
  supervisorEmployeeId: string | null;
  name: string;
  nip: string;
  employmentType: EmploymentType;
  status: EmployeeStatus;
  /** When identity made the change this copy reflects. */
  sourceOccurredAt: Date;
}

/**
 * The four employee topics are separate Kafka topics, so their events may arrive out of order
 * (a backfill snapshot taken before a transfer can land after it). The copy only moves forward:
 * an event older than what is stored has no effect. Equal times apply, so a replayed snapshot of
 * the same state is harmless.
 */
export function supersedes(incoming: EmployeeCopy, stored: EmployeeCopy | null): boolean {
  return stored === null || incoming.sourceOccurredAt.getTime() >= stored.sourceOccurredAt.getTime();
}

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
