import type { EmployeeState } from '@kinerja/events';

import type { CalendarDate } from './calendar-date';

export { EMPLOYEE_STATUSES, type EmployeeStatus } from '@kinerja/events';

/**
 * What development keeps of an identity employee, fed by `identity.employee.*` events: enough to
 * scope access (agency, supervisor), to apply the JP rules (employment type, contract start) and to
 * print a certificate (name).
 */
export type EmployeeCopy = Omit<EmployeeState, 'occurredAt'> & {
  /** PPPK only, when known: contract years run from it. */
  contractStart: CalendarDate | null;
  /** When the last applied event happened. */
  lastEventAt: Date;
};
