import {
  EMPLOYEE_EVENT_TYPES,
  employeeAgencyDoubt,
  type EmployeeEventType,
  type EmployeeState,
  employeeStateOf,
  type EmployeeStatus,
  type EventEnvelope,
  supersedesCopy,
} from '@kinerja/events';

import type { EventHandler } from './event-consumer';
import { rejectIfDoubted } from './event-rejection';

/** The part of a service's handler map for identity's four employee topics: one handler for all. */
export function forEmployeeEvents(handle: EventHandler<EmployeeEventType>): { [T in EmployeeEventType]: EventHandler<T> } {
  return Object.fromEntries(EMPLOYEE_EVENT_TYPES.map((type) => [type, handle])) as { [T in EmployeeEventType]: EventHandler<T> };
}

/** What a consumer holds of an employee, as far as deciding on an employee event goes. */
export interface HeldEmployee {
  agencyId: string;
  status: EmployeeStatus;
  lastEventAt: Date;
}

/**
 * The state a consumer's employee copy takes on an employee event, or null when the event is older
 * than the copy (it is claimed but changes nothing). Before any effect, an event that doubts the
 * agency held is rejected, so it goes to the dead-letter topic with the reason.
 */
export function employeeCopyUpdate(event: EventEnvelope<EmployeeEventType>, held: HeldEmployee | null): EmployeeState | null {
  rejectIfDoubted(employeeAgencyDoubt(event, held?.agencyId));
  const state = employeeStateOf(event, held?.status ?? null);
  return supersedesCopy(state.occurredAt, held?.lastEventAt) ? state : null;
}
