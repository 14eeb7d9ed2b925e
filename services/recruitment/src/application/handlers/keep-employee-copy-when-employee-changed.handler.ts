import type { EventEnvelope } from '@kinerja/events';

import type { EmployeeCopy } from '../../domain/committee';
import { isNewerThanCopy } from '../../domain/committee.rule';
import type { EventStore } from '../../domain/repositories';

export type EmployeeEventType = 'identity.employee.registered' | 'identity.employee.transferred' | 'identity.employee.left' | 'identity.employee.snapshot';

function statusAfter(event: EventEnvelope<EmployeeEventType>, previous: EmployeeCopy | null): EmployeeCopy['status'] {
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
 * Keeps `employee_copy` in step with identity (agency, name, status as of the latest event): HR
 * appoints the agency's own employees to a committee, and the demo seed learns the agencies there are.
 */
export function keepEmployeeCopyWhenEmployeeChanged(events: EventStore) {
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
        name: payload.name,
        status: statusAfter(event, previous),
        lastEventAt: occurredAt,
      });
    });
  };
}
