import type { EventEnvelope } from './envelope';

/** The four topics that carry identity's employee, which every other service keeps a copy of. */
export const EMPLOYEE_EVENT_TYPES = [
  'identity.employee.registered',
  'identity.employee.transferred',
  'identity.employee.left',
  'identity.employee.snapshot',
] as const;
export type EmployeeEventType = (typeof EMPLOYEE_EVENT_TYPES)[number];

export const EMPLOYEE_STATUSES = ['ACTIVE', 'ON_LEAVE', 'LEFT'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

/** identity's employee as one employee event describes it: what each consumer's copy is made from. */
export interface EmployeeState {
  employeeId: string;
  agencyId: string;
  orgUnitId: string;
  positionId: string | null;
  supervisorEmployeeId: string | null;
  name: string;
  nip: string;
  employmentType: EventEnvelope<EmployeeEventType>['payload']['employmentType'];
  status: EmployeeStatus;
  /** When identity made the change. */
  occurredAt: Date;
}

function statusAfter(event: EventEnvelope<EmployeeEventType>, previous: EmployeeStatus | null): EmployeeStatus {
  switch (event.type) {
    case 'identity.employee.registered':
      return 'ACTIVE';
    case 'identity.employee.left':
      return 'LEFT';
    case 'identity.employee.snapshot':
      return (event as EventEnvelope<'identity.employee.snapshot'>).payload.status;
    case 'identity.employee.transferred':
      // A transfer says nothing about leave: someone on leave who is moved is still on leave.
      return previous === 'ON_LEAVE' ? 'ON_LEAVE' : 'ACTIVE';
  }
}

/**
 * The employee an event describes, given the status of the copy already held (a transfer keeps a
 * leave). The same mapping for every consumer, so that no two copies of one employee disagree.
 */
export function employeeStateOf(event: EventEnvelope<EmployeeEventType>, previous: EmployeeStatus | null): EmployeeState {
  const { payload } = event;
  return {
    employeeId: payload.employeeId,
    agencyId: payload.agencyId,
    orgUnitId: payload.orgUnitId,
    positionId: payload.positionId,
    supervisorEmployeeId: payload.supervisorEmployeeId,
    name: payload.name,
    nip: payload.nip,
    employmentType: payload.employmentType,
    status: statusAfter(event, previous),
    occurredAt: new Date(event.occurredAt),
  };
}

/**
 * The employee topics are separate Kafka topics, so their events may arrive out of order (a
 * backfill snapshot taken before a transfer can land after it): a copy only moves forward. An
 * event as recent as the copy applies, so a replayed snapshot of the same state is harmless.
 */
export function supersedesCopy(occurredAt: Date, copiedAt: Date | null | undefined): boolean {
  return copiedAt === null || copiedAt === undefined || occurredAt.getTime() >= copiedAt.getTime();
}

/**
 * Whether an employee event contradicts the agency a consumer already holds the employee under.
 * No employee event moves an employee between agencies: a transfer stays inside the agency, and a
 * move to another agency is a leave and a new registration under a new id (DOMAIN.md; identity's
 * `transferEmployee` refuses a unit of another agency). So an event whose envelope and payload
 * disagree on the agency, or whose agency differs from the copy held, is forged or misrouted:
 * believed, it would put the employee and their reporting line under another agency's people.
 * Null when nothing contradicts it (including an employee not held yet).
 */
export function employeeAgencyDoubt(
  event: EventEnvelope<EmployeeEventType>,
  heldAgencyId: string | null | undefined,
): { code: 'AGENCY_MISMATCH'; detail: string } | null {
  const { employeeId, agencyId } = event.payload;
  if (event.agencyId !== agencyId) {
    return {
      code: 'AGENCY_MISMATCH',
      detail: `${event.type} for employee ${employeeId} is addressed to agency ${event.agencyId} but names agency ${agencyId}`,
    };
  }
  if (heldAgencyId && heldAgencyId !== agencyId) {
    return {
      code: 'AGENCY_MISMATCH',
      detail: `${event.type} puts employee ${employeeId} under agency ${agencyId}, but this consumer holds them under agency ${heldAgencyId}; no employee event moves an employee between agencies`,
    };
  }
  return null;
}
