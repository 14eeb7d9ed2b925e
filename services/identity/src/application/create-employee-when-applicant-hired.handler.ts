import type { EventEnvelope } from '@kinerja/events';
import type { Logger } from '@kinerja/logger';

import { newEmployee } from '../domain/employee';
import type { EmployeeRepository, OrganisationRepository } from '../domain/repositories';
import type { Clock, IdGenerator } from '../domain/token-issuer';
import { assertPositionAssignable } from './position-assignment';
import { reportingLineEvents } from './reporting-line';

export const IDENTITY_CONSUMER = 'identity';

/**
 * A hired applicant becomes a CPNS employee in the formation's unit and position. Idempotent by
 * application id (checked first) and by event id; an invalid hire (bad NIP, unknown unit, position
 * taken) throws, so the consumer retries it and then dead-letters it with the reason.
 */
export function createEmployeeWhenApplicantHired(deps: {
  organisation: OrganisationRepository;
  employees: EmployeeRepository;
  ids: IdGenerator;
  clock: Clock;
  logger: Logger;
}) {
  return async (event: EventEnvelope<'recruitment.applicant.hired'>): Promise<void> => {
    const hire = event.payload;
    // Before any check of the hire itself: once applied, the hire's position is held by the new
    // employee, and checking it again would refuse a redelivery that must simply do nothing.
    if (await deps.employees.hiredFromApplication(hire.applicationId)) {
      await deps.employees.markEventHandled(event.id, IDENTITY_CONSUMER);
      deps.logger.info({ eventId: event.id, applicationId: hire.applicationId, outcome: 'duplicate' }, 'hired applicant');
      return;
    }
    const [unit] = await deps.organisation.orgUnitsByIds([hire.orgUnitId]);
    if (!unit || unit.agencyId !== hire.agencyId) throw new Error(`unit ${hire.orgUnitId} is not a unit of agency ${hire.agencyId}`);
    const employee = newEmployee(
      deps.ids.newId(),
      {
        agencyId: unit.agencyId,
        nip: hire.nip,
        name: hire.name,
        email: hire.email,
        employmentType: hire.employmentType,
        rank: null,
        orgUnitId: unit.id,
        positionId: hire.positionId,
      },
      deps.clock.now(),
    );
    await assertPositionAssignable(deps.organisation, deps.employees, unit, employee.positionId, null);
    const events = await reportingLineEvents(deps.organisation, deps.employees, { employee, type: 'identity.employee.registered', extra: {} }, null);
    const outcome = await deps.employees.registerHired(employee, { applicationId: hire.applicationId, eventId: event.id, consumer: IDENTITY_CONSUMER }, events);
    deps.logger.info({ eventId: event.id, applicationId: hire.applicationId, outcome }, 'hired applicant');
  };
}
