export const EMPLOYEE_STATUSES = ['ACTIVE', 'ON_LEAVE', 'LEFT'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

/**
 * What feedback keeps of an identity employee, fed by `identity.employee.*` events: the reporting
 * line (supervisor, unit, agency) that scopes notes and dialogues and derives a 360° cycle's raters.
 */
export interface EmployeeCopy {
  employeeId: string;
  agencyId: string;
  orgUnitId: string;
  positionId: string | null;
  name: string;
  status: EmployeeStatus;
  supervisorEmployeeId: string | null;
  /** When the last applied event happened. */
  lastEventAt: Date;
}

/**
 * Events of one employee travel on several topics (registered, transferred, left, snapshot), so
 * they may arrive out of order: only an event at least as recent as the copy changes it.
 */
export function isNewerThanCopy(copy: EmployeeCopy | null, occurredAt: Date): boolean {
  return copy === null || copy.lastEventAt.getTime() <= occurredAt.getTime();
}
