import { employeeAgencyDoubt, type EmployeeEventType, employeeStateOf, type EventEnvelope, supersedesCopy } from '@kinerja/events';
import { rejectIfDoubted } from '@kinerja/messaging';

import type { HandlerDeps } from './handler-deps';

/**
 * Keeps `employee_copy` in step with identity: agency, unit, position and supervisor line as of
 * the most recent event. The claim of the event and the copy commit together: a redelivered event
 * changes nothing, and an older one arriving late is claimed but leaves the copy as it is.
 */
export function keepEmployeeCopyWhenEmployeeChanged({ events }: HandlerDeps) {
  return async (event: EventEnvelope<EmployeeEventType>): Promise<void> => {
    await events.handleOnce(event.id, async (tx) => {
      const previous = await tx.employee(event.payload.employeeId);
      // Before any effect: an event naming another agency than the copy's is dead-lettered with the reason.
      rejectIfDoubted(employeeAgencyDoubt(event, previous?.agencyId));
      const state = employeeStateOf(event, previous?.status ?? null);
      if (!supersedesCopy(state.occurredAt, previous?.lastEventAt)) return;
      const { employeeId, agencyId, orgUnitId, positionId, name, status, supervisorEmployeeId } = state;
      await tx.saveEmployee({ employeeId, agencyId, orgUnitId, positionId, name, status, supervisorEmployeeId, lastEventAt: state.occurredAt });
    });
  };
}
