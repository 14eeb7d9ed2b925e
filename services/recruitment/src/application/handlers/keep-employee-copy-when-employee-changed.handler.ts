import { employeeAgencyDoubt, type EmployeeEventType, employeeStateOf, type EventEnvelope, supersedesCopy } from '@kinerja/events';
import { rejectIfDoubted } from '@kinerja/messaging';

import type { EventStore } from '../../domain/repositories';

/**
 * Keeps `employee_copy` in step with identity (agency, name, status as of the latest event): HR
 * appoints the agency's own employees to a committee, and the demo seed learns the agencies there are.
 */
export function keepEmployeeCopyWhenEmployeeChanged(events: EventStore) {
  return async (event: EventEnvelope<EmployeeEventType>): Promise<void> => {
    await events.handleOnce(event.id, async (tx) => {
      const previous = await tx.employee(event.payload.employeeId);
      // Before any effect: an event naming another agency than the copy's is dead-lettered with the reason.
      rejectIfDoubted(employeeAgencyDoubt(event, previous?.agencyId));
      const state = employeeStateOf(event, previous?.status ?? null);
      if (!supersedesCopy(state.occurredAt, previous?.lastEventAt)) return;
      const { employeeId, agencyId, orgUnitId, name, status } = state;
      await tx.saveEmployee({ employeeId, agencyId, orgUnitId, name, status, lastEventAt: state.occurredAt });
    });
  };
}
