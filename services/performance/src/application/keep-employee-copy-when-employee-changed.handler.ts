import { employeeAgencyDoubt, type EmployeeEventType, employeeStateOf, type EventEnvelope } from '@kinerja/events';
import { type EventHandler, forEmployeeEvents, rejectIfDoubted } from '@kinerja/messaging';

import type { EmployeeCopyRepository } from '../domain/repositories';

/**
 * Keeps the local copy of identity's employees (unit, position, supervisor line) current. Each
 * event is applied at most once (its id is claimed in the same transaction) and never rolls the
 * copy back to an older state.
 */
export function keepEmployeeCopyWhenEmployeeChanged(copies: EmployeeCopyRepository): { [T in EmployeeEventType]: EventHandler<T> } {
  const handle = async (event: EventEnvelope<EmployeeEventType>): Promise<void> => {
    const [stored] = await copies.byIds([event.payload.employeeId]);
    // Before any effect: an event naming another agency than the copy's is dead-lettered with the reason.
    rejectIfDoubted(employeeAgencyDoubt(event, stored?.agencyId));
    const { occurredAt, ...state } = employeeStateOf(event, stored?.status ?? null);
    await copies.applyFromEvent(event.id, { ...state, sourceOccurredAt: occurredAt });
  };
  return forEmployeeEvents(handle);
}
