import { randomUUID } from 'node:crypto';

import { createEnvelope, type EventEnvelope } from '@kinerja/events';

let nipSequence = 100;

/** A NIP of the right shape, different each call. */
export function nextNip(): string {
  nipSequence += 1;
  return `19860926201505${nipSequence % 2 === 0 ? 1 : 2}${String(nipSequence).padStart(3, '0')}`.slice(0, 18);
}

export interface TestEmployee {
  employeeId: string;
  agencyId: string;
  name: string;
  nip: string;
  employmentType: 'PNS' | 'PPPK' | 'CPNS';
  supervisorEmployeeId: string | null;
}

export function testEmployee(agencyId: string, overrides: Partial<TestEmployee> = {}): TestEmployee {
  return { employeeId: randomUUID(), agencyId, name: 'Budi Santoso', nip: nextNip(), employmentType: 'PNS', supervisorEmployeeId: null, ...overrides };
}

export function employeeRegistered(employee: TestEmployee, occurredAt = new Date()): EventEnvelope<'identity.employee.registered'> {
  return createEnvelope({
    id: randomUUID(),
    type: 'identity.employee.registered',
    agencyId: employee.agencyId,
    producer: 'identity',
    occurredAt,
    payload: { ...employee, orgUnitId: randomUUID(), positionId: null },
  });
}

export function assessmentFinalized(
  employee: TestEmployee,
  change: Partial<EventEnvelope<'performance.assessment.finalized'>['payload']> = {},
): EventEnvelope<'performance.assessment.finalized'> {
  return createEnvelope({
    id: randomUUID(),
    type: 'performance.assessment.finalized',
    agencyId: employee.agencyId,
    producer: 'performance',
    payload: {
      assessmentId: randomUUID(),
      employeeId: employee.employeeId,
      periodId: randomUUID(),
      kind: 'ANNUAL',
      workResultRating: 'MEETS',
      behaviourRating: 'BELOW',
      predikat: 'KURANG',
      behaviourGaps: ['KOLABORATIF'],
      workResultGaps: [],
      ...change,
    },
  });
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
