import { randomUUID } from 'node:crypto';

import { createEnvelope, type EventEnvelope } from '@kinerja/events';

import { assessmentFinalized as finalized, type TestEmployee } from '../../../../test/support/employee-events';

export { employeeRegistered, nextNip, type TestEmployee, testEmployee } from '../../../../test/support/employee-events';

/** performance's finalized assessment of the employee: KURANG with a behaviour gap (training is due) unless `change` says otherwise. */
export function assessmentFinalized(
  employee: TestEmployee,
  change: Partial<EventEnvelope<'performance.assessment.finalized'>['payload']> = {},
): EventEnvelope<'performance.assessment.finalized'> {
  return finalized(employee, { behaviourRating: 'BELOW', predikat: 'KURANG', behaviourGaps: ['KOLABORATIF'], ...change });
}

export function sanctionIssued(
  employee: TestEmployee,
  kind: 'COACHING' | 'WRITTEN_WARNING' | 'DISCIPLINE_REFERRAL',
): EventEnvelope<'performance.sanction.issued'> {
  return createEnvelope({
    id: randomUUID(),
    type: 'performance.sanction.issued',
    agencyId: employee.agencyId,
    producer: 'performance',
    payload: { sanctionId: randomUUID(), employeeId: employee.employeeId, kind, assessmentId: null },
  });
}

export function applicantHired(employee: TestEmployee, applicationId: string = randomUUID()): EventEnvelope<'recruitment.applicant.hired'> {
  return createEnvelope({
    id: randomUUID(),
    type: 'recruitment.applicant.hired',
    agencyId: employee.agencyId,
    producer: 'recruitment',
    payload: {
      applicationId,
      applicantId: randomUUID(),
      vacancyId: randomUUID(),
      agencyId: employee.agencyId,
      orgUnitId: randomUUID(),
      positionId: null,
      name: employee.name,
      nip: employee.nip,
      email: null,
      employmentType: employee.employmentType,
    },
  });
}
