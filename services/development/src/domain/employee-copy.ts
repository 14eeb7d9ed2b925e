import type { CalendarDate } from './calendar-date';
import type { EmploymentType } from './vocabulary';

export const EMPLOYEE_STATUSES = ['ACTIVE', 'ON_LEAVE', 'LEFT'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

/**
 * What development keeps of an identity employee, fed by `identity.employee.*` events: enough to
 * scope access (agency, supervisor), to apply the JP rules (employment type, contract start) and to
 * print a certificate (name).
 */
export interface EmployeeCopy {
  employeeId: string;
  agencyId: string;
  orgUnitId: string;
  positionId: string | null;
  name: string;
  nip: string;
  employmentType: EmploymentType;
  status: EmployeeStatus;
  supervisorEmployeeId: string | null;
  /** PPPK only, when known: contract years run from it. */
  contractStart: CalendarDate | null;
  /** When the last applied event happened. */
  lastEventAt: Date;
}

/**
 * Events of one employee travel on several topics (registered, transferred, left), so they may
 * arrive out of order: only an event at least as recent as the copy changes it.
 */
export function isNewerThanCopy(copy: EmployeeCopy | null, occurredAt: Date): boolean {
  return copy === null || copy.lastEventAt.getTime() <= occurredAt.getTime();
}
