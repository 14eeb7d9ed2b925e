import { randomUUID } from 'node:crypto';

import { createEnvelope } from '@kinerja/events';

export interface EmployeeFacts {
  employeeId: string;
  agencyId: string;
  name?: string;
  nip?: string;
}

const employeePayload = ({ employeeId, agencyId, name = 'Rina Wati', nip = '199001012020122001' }: EmployeeFacts) => ({
  employeeId,
  agencyId,
  orgUnitId: randomUUID(),
  positionId: null,
  name,
  nip,
  employmentType: 'PNS' as const,
  supervisorEmployeeId: null,
});

/** identity's current picture of an employee, as it sends on start and on demand. */
export const employeeSnapshot = (employee: EmployeeFacts, status: 'ACTIVE' | 'LEFT' = 'ACTIVE') =>
  createEnvelope({
    id: randomUUID(),
    type: 'identity.employee.snapshot',
    agencyId: employee.agencyId,
    producer: 'identity',
    payload: { ...employeePayload(employee), status },
  });

export const employeeRegistered = (employee: EmployeeFacts, occurredAt: Date) =>
  createEnvelope({
    id: randomUUID(),
    type: 'identity.employee.registered',
    agencyId: employee.agencyId,
    producer: 'identity',
    occurredAt,
    payload: employeePayload(employee),
  });

/** development's completion of a training programme (the committee training when so titled). */
export const trainingCompleted = (
  employee: { employeeId: string; agencyId: string },
  programTitle = 'Pelatihan Panitia Seleksi ASN',
  completedAt = new Date().toISOString(),
) =>
  createEnvelope({
    id: randomUUID(),
    type: 'development.training.completed',
    agencyId: employee.agencyId,
    producer: 'development',
    payload: {
      assignmentId: randomUUID(),
      employeeId: employee.employeeId,
      programId: randomUUID(),
      programTitle,
      jp: 16,
      competencies: [],
      completedAt,
      certificateNumber: null,
    },
  });
