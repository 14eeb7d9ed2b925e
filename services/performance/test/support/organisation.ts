import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';
import type { EventPayload } from '@kinerja/events';

/** One employee of the test organisation, as identity would announce them. */
export interface Person {
  employeeId: string;
  agencyId: string;
  orgUnitId: string;
  supervisorEmployeeId: string | null;
  name: string;
  viewer: Viewer;
}

let sequence = 0;

/** A valid 18-digit NIP, different for each call. */
export function nextNip(): string {
  sequence += 1;
  return `19860926201505${sequence % 2 === 0 ? '2' : '1'}${String(sequence).padStart(3, '0')}`;
}

export function person(agencyId: string, orgUnitId: string, supervisor: Person | null, name: string): Person {
  const employeeId = randomUUID();
  return {
    employeeId,
    agencyId,
    orgUnitId,
    supervisorEmployeeId: supervisor?.employeeId ?? null,
    name,
    viewer: { userId: randomUUID(), employeeId, agencyId, grants: [] },
  };
}

export function registeredPayload(p: Person): EventPayload<'identity.employee.registered'> {
  return {
    employeeId: p.employeeId,
    nip: nextNip(),
    name: p.name,
    agencyId: p.agencyId,
    orgUnitId: p.orgUnitId,
    positionId: null,
    supervisorEmployeeId: p.supervisorEmployeeId,
    employmentType: 'PNS',
  };
}

export const hrAdminOf = (agencyId: string): Viewer => ({ userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'HR_ADMIN', agencyId }] });
export const auditor = (): Viewer => ({ userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'AUDITOR', agencyId: null }] });

/**
 * Two agencies. A: unit UA with its head, a supervisor under the head and three staff under the
 * supervisor, plus unit UA2 with a supervisor of its own; B: a supervisor and an employee.
 */
export function demoOrganisation() {
  const agencyA = randomUUID();
  const agencyB = randomUUID();
  const unitA = randomUUID();
  const unitA2 = randomUUID();
  const unitB = randomUUID();
  const head = person(agencyA, unitA, null, 'Kepala Unit A');
  const supervisor = person(agencyA, unitA, head, 'Atasan A');
  const staff = [1, 2, 3].map((n) => person(agencyA, unitA, supervisor, `Staf A${n}`));
  const otherSupervisor = person(agencyA, unitA2, head, 'Atasan Unit Lain');
  const supervisorB = person(agencyB, unitB, null, 'Atasan B');
  const employeeB = person(agencyB, unitB, supervisorB, 'Pegawai B');
  return {
    agencyA,
    agencyB,
    unitA,
    unitA2,
    unitB,
    head,
    supervisor,
    staff: staff as [Person, Person, Person],
    otherSupervisor,
    supervisorB,
    employeeB,
    everyone: [head, supervisor, ...staff, otherSupervisor, supervisorB, employeeB],
    hrA: hrAdminOf(agencyA),
    hrB: hrAdminOf(agencyB),
  };
}
