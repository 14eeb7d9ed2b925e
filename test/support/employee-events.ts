import { randomUUID } from 'node:crypto';

import { createEnvelope, type EventEnvelope } from '@kinerja/events';

let nipSequence = 100;

/** A NIP of the right shape, different each call. */
export function nextNip(): string {
  nipSequence += 1;
  return `19860926201505${nipSequence % 2 === 0 ? 1 : 2}${String(nipSequence % 1000).padStart(3, '0')}`;
}

/** An employee as identity's events describe them, for the services that keep a copy. */
export interface TestEmployee {
  employeeId: string;
  agencyId: string;
  orgUnitId: string;
  name: string;
  nip: string;
  employmentType: 'PNS' | 'PPPK' | 'CPNS';
  supervisorEmployeeId: string | null;
}

export function testEmployee(agencyId: string, overrides: Partial<TestEmployee> = {}): TestEmployee {
  return {
    employeeId: randomUUID(),
    agencyId,
    orgUnitId: randomUUID(),
    name: 'Siti Rahma',
    nip: nextNip(),
    employmentType: 'PNS',
    supervisorEmployeeId: null,
    ...overrides,
  };
}

const snapshotOf = (employee: TestEmployee) => ({ ...employee, positionId: null });

export function employeeRegistered(employee: TestEmployee, occurredAt = new Date()): EventEnvelope<'identity.employee.registered'> {
  return createEnvelope({
    id: randomUUID(),
    type: 'identity.employee.registered',
    agencyId: employee.agencyId,
    producer: 'identity',
    occurredAt,
    payload: snapshotOf(employee),
  });
}

export function employeeTransferred(
  employee: TestEmployee,
  previousOrgUnitId: string,
  occurredAt = new Date(),
): EventEnvelope<'identity.employee.transferred'> {
  return createEnvelope({
    id: randomUUID(),
    type: 'identity.employee.transferred',
    agencyId: employee.agencyId,
    producer: 'identity',
    occurredAt,
    payload: { ...snapshotOf(employee), previousOrgUnitId, previousPositionId: null },
  });
}

export function employeeLeft(employee: TestEmployee, occurredAt = new Date()): EventEnvelope<'identity.employee.left'> {
  return createEnvelope({
    id: randomUUID(),
    type: 'identity.employee.left',
    agencyId: employee.agencyId,
    producer: 'identity',
    occurredAt,
    payload: { ...snapshotOf(employee), leftAt: occurredAt.toISOString() },
  });
}

export function employeeSnapshot(
  employee: TestEmployee,
  status: 'ACTIVE' | 'ON_LEAVE' | 'LEFT',
  occurredAt = new Date(),
): EventEnvelope<'identity.employee.snapshot'> {
  return createEnvelope({
    id: randomUUID(),
    type: 'identity.employee.snapshot',
    agencyId: employee.agencyId,
    producer: 'identity',
    occurredAt,
    payload: { ...snapshotOf(employee), status },
  });
}

/** performance's finalized assessment of the employee: BAIK with no gaps unless `change` says otherwise. */
export function assessmentFinalized(
  employee: TestEmployee,
  change: Partial<EventEnvelope<'performance.assessment.finalized'>['payload']> = {},
  occurredAt = new Date(),
): EventEnvelope<'performance.assessment.finalized'> {
  return createEnvelope({
    id: randomUUID(),
    type: 'performance.assessment.finalized',
    agencyId: employee.agencyId,
    producer: 'performance',
    occurredAt,
    payload: {
      assessmentId: randomUUID(),
      employeeId: employee.employeeId,
      periodId: randomUUID(),
      kind: 'ANNUAL',
      workResultRating: 'MEETS',
      behaviourRating: 'MEETS',
      predikat: 'BAIK',
      behaviourGaps: [],
      workResultGaps: [],
      ...change,
    },
  });
}
