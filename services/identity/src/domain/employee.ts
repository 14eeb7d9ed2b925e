import { type FieldProblem, ValidationError } from '@kinerja/errors';

import { parseNip } from './nip.rule';

export const EMPLOYMENT_TYPES = ['PNS', 'PPPK', 'CPNS'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const EMPLOYEE_STATUSES = ['ACTIVE', 'ON_LEAVE', 'LEFT'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

/** An ASN: PNS, PPPK or CPNS, identified by their NIP. */
export interface Employee {
  id: string;
  agencyId: string;
  nip: string;
  name: string;
  email: string | null;
  employmentType: EmploymentType;
  rank: string | null;
  orgUnitId: string;
  positionId: string | null;
  status: EmployeeStatus;
}

/** A new employee as HR registers them: everything but the id and the status (a new employee is active). */
export type NewEmployeeInput = Omit<Employee, 'id' | 'status'>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Validates a new employee; `today` bounds the dates inside the NIP. */
export function newEmployee(id: string, input: NewEmployeeInput, today: Date): Employee {
  const problems: FieldProblem[] = [];
  const nip = parseNip(input.nip, today);
  if (!nip.ok) problems.push(...nip.problems);
  const name = input.name.trim();
  if (name.length < 2 || name.length > 200) problems.push({ field: 'name', message: 'must be 2-200 characters' });
  const email = input.email ? normaliseEmail(input.email) : null;
  if (email && !EMAIL.test(email)) problems.push({ field: 'email', message: 'is not an e-mail address' });
  if (problems.length > 0) throw new ValidationError(problems);
  return { ...input, id, nip: input.nip.replace(/\s+/g, ''), name, email, rank: input.rank?.trim() || null, status: 'ACTIVE' };
}

/** A transfer moves an active employee to another unit and/or position of the same agency. */
export function transferEmployee(employee: Employee, to: { orgUnitId: string; positionId: string | null }): Employee {
  if (employee.status === 'LEFT') throw new ValidationError({ field: 'employeeId', message: 'has left the service and cannot be transferred' });
  return { ...employee, orgUnitId: to.orgUnitId, positionId: to.positionId };
}

/** Leaving the service (pensiun, resignation, dismissal): the record stays, the position is freed. */
export function leaveService(employee: Employee, reason: string): Employee {
  if (employee.status === 'LEFT') throw new ValidationError({ field: 'employeeId', message: 'has already left the service' });
  if (reason.trim().length < 3) throw new ValidationError({ field: 'reason', message: 'must say why the employee leaves' });
  return { ...employee, status: 'LEFT', positionId: null };
}
