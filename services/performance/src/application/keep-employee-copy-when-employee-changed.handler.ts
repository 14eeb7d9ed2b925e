import type { EventEnvelope } from '@kinerja/events';
import type { EventHandler } from '@kinerja/messaging';

import type { EmployeeCopy, EmployeeStatus } from '../domain/employee-copy';
import type { EmployeeCopyRepository } from '../domain/repositories';

export const EMPLOYEE_EVENT_TYPES = [
  'identity.employee.registered',
  'identity.employee.transferred',
  'identity.employee.left',
  'identity.employee.snapshot',
] as const;
export type EmployeeEventType = (typeof EMPLOYEE_EVENT_TYPES)[number];

function statusAfter(event: EventEnvelope<EmployeeEventType>, stored: EmployeeCopy | undefined): EmployeeStatus {
  switch (event.type) {
    case 'identity.employee.registered':
      return 'ACTIVE';
    case 'identity.employee.left':
      return 'LEFT';
    case 'identity.employee.snapshot':
      return (event as EventEnvelope<'identity.employee.snapshot'>).payload.status;
    case 'identity.employee.transferred':
      // A transfer says nothing about leave: someone on leave who is moved is still on leave.
      return stored?.status === 'ON_LEAVE' ? 'ON_LEAVE' : 'ACTIVE';
  }
}

/** The copy an employee event describes; exported for the tests of the mapping. */
export function copyFromEvent(event: EventEnvelope<EmployeeEventType>, stored: EmployeeCopy | undefined): EmployeeCopy {
  const { payload } = event;
  return {
    employeeId: payload.employeeId,
    agencyId: payload.agencyId,
    orgUnitId: payload.orgUnitId,
    positionId: payload.positionId,
    supervisorEmployeeId: payload.supervisorEmployeeId,
    name: payload.name,
    nip: payload.nip,
    employmentType: payload.employmentType,
    status: statusAfter(event, stored),
    sourceOccurredAt: new Date(event.occurredAt),
  };
}

/**
 * Keeps the local copy of identity's employees (unit, position, supervisor line) current. Each
 * event is applied at most once (its id is claimed in the same transaction) and never rolls the
 * copy back to an older state.
 */
export function keepEmployeeCopyWhenEmployeeChanged(copies: EmployeeCopyRepository): { [T in EmployeeEventType]: EventHandler<T> } {
  const handle = async (event: EventEnvelope<EmployeeEventType>): Promise<void> => {
    const [stored] = await copies.byIds([event.payload.employeeId]);
    await copies.applyFromEvent(event.id, copyFromEvent(event, stored));
  };
  return {
    'identity.employee.registered': handle,
    'identity.employee.transferred': handle,
    'identity.employee.left': handle,
    'identity.employee.snapshot': handle,
  };
}
