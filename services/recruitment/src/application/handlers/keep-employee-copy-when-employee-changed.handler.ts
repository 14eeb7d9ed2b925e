import type { EmployeeEventType, EventEnvelope } from '@kinerja/events';
import { employeeCopyUpdate } from '@kinerja/messaging';

import type { EventStore } from '../../domain/repositories';

/**
 * Keeps `employee_copy` in step with identity (agency, name, status as of the latest event): HR
 * appoints the agency's own employees to a committee, and the demo seed learns the agencies there are.
 */
export function keepEmployeeCopyWhenEmployeeChanged(events: EventStore) {
  return async (event: EventEnvelope<EmployeeEventType>): Promise<void> => {
    await events.handleOnce(event.id, async (tx) => {
      const state = employeeCopyUpdate(event, await tx.employee(event.payload.employeeId));
      if (!state) return;
      const { employeeId, agencyId, orgUnitId, name, status } = state;
      await tx.saveEmployee({ employeeId, agencyId, orgUnitId, name, status, lastEventAt: state.occurredAt });
    });
  };
}
