import type { EventEnvelope } from '@kinerja/events';

import type { HandlerDeps } from './handler-deps';
import { assignLatsar } from './latsar';

/**
 * Rule 5: a new CPNS must complete Latsar CPNS. identity creates the employee from the same hire,
 * so their registration may arrive before or after this event: when the employee is not known yet,
 * the hire waits and the registration assigns it. Keyed by the application: one Latsar per hire.
 */
export function assignLatsarWhenApplicantHired({ events, ids }: HandlerDeps) {
  return async (event: EventEnvelope<'recruitment.applicant.hired'>): Promise<void> => {
    const hired = event.payload;
    if (hired.employmentType !== 'CPNS') return;
    await events.handleOnce(event.id, async (tx) => {
      const hire = { applicationId: hired.applicationId, agencyId: hired.agencyId, nip: hired.nip, sourceEventId: event.id };
      const employee = await tx.employeeByNip(hired.nip);
      if (employee && employee.status !== 'LEFT') await assignLatsar(tx, ids, employee, hire);
      else await tx.holdHire(hire);
    });
  };
}
