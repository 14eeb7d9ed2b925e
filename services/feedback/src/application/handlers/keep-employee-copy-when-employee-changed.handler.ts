import type { EmployeeEventType, EventEnvelope } from '@kinerja/events';
import { employeeCopyUpdate } from '@kinerja/messaging';

import type { HandlerDeps } from './handler-deps';

/**
 * Keeps `employee_copy` in step with identity: agency, unit, position and supervisor line as of
 * the most recent event. The claim of the event and the copy commit together: a redelivered event
 * changes nothing, and an older one arriving late is claimed but leaves the copy as it is.
 */
export function keepEmployeeCopyWhenEmployeeChanged({ events }: HandlerDeps) {
  return async (event: EventEnvelope<EmployeeEventType>): Promise<void> => {
    await events.handleOnce(event.id, async (tx) => {
      const state = employeeCopyUpdate(event, await tx.employee(event.payload.employeeId));
      if (!state) return;
      const { employeeId, agencyId, orgUnitId, positionId, name, status, supervisorEmployeeId } = state;
      await tx.saveEmployee({ employeeId, agencyId, orgUnitId, positionId, name, status, supervisorEmployeeId, lastEventAt: state.occurredAt });
    });
  };
}
