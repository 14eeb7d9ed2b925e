import type { EventEnvelope } from '@kinerja/events';

import { type EmployeeCopy, type EmployeeStatus, isNewerThanCopy } from '../../domain/employee-copy';
import type { HandlerDeps } from './handler-deps';

export type EmployeeEventType = 'identity.employee.registered' | 'identity.employee.transferred' | 'identity.employee.left' | 'identity.employee.snapshot';

function statusAfter(event: EventEnvelope<EmployeeEventType>, previous: EmployeeCopy | null): EmployeeStatus {
  switch (event.type) {
    case 'identity.employee.left':
      return 'LEFT';
    case 'identity.employee.snapshot':
      return (event.payload as EventEnvelope<'identity.employee.snapshot'>['payload']).status;
    case 'identity.employee.transferred':
      return previous?.status === 'ON_LEAVE' ? 'ON_LEAVE' : 'ACTIVE';
    default:
      return 'ACTIVE';
  }
}

/**
 * Keeps `employee_copy` in step with identity: agency, unit, position and supervisor line as of
 * the most recent event. The claim of the event and the copy commit together: a redelivered event
 * changes nothing, and an older one arriving late is claimed but leaves the copy as it is.
 */
export function keepEmployeeCopyWhenEmployeeChanged({ events }: HandlerDeps) {
  return async (event: EventEnvelope<EmployeeEventType>): Promise<void> => {
    const occurredAt = new Date(event.occurredAt);
    const payload = event.payload;
    await events.handleOnce(event.id, async (tx) => {
      const previous = await tx.employee(payload.employeeId);
      if (!isNewerThanCopy(previous, occurredAt)) return;
      await tx.saveEmployee({
        employeeId: payload.employeeId,
        agencyId: payload.agencyId,
        orgUnitId: payload.orgUnitId,
        positionId: payload.positionId,
        name: payload.name,
        status: statusAfter(event, previous),
        supervisorEmployeeId: payload.supervisorEmployeeId,
        lastEventAt: occurredAt,
      });
    });
  };
}
