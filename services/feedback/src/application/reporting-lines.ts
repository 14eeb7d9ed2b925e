import { NotFoundError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import type { ReportingLine } from '../domain/access.rule';
import type { EmployeeCopy } from '../domain/employee-copy';
import type { EmployeeCopyRepository } from '../domain/repositories';

/** The employee a command names, from the local copy: BAD_USER_INPUT when malformed, NOT_FOUND when unknown. */
export async function employeeNamed(employees: EmployeeCopyRepository, employeeId: string, field: string): Promise<EmployeeCopy> {
  assertEntityId(employeeId, field);
  const [employee] = await employees.byIds([employeeId]);
  if (!employee) throw new NotFoundError('Employee', employeeId, field);
  return employee;
}

/** The reporting lines of a batch, keyed by employee. */
export async function linesOf(employees: EmployeeCopyRepository, ids: readonly string[]): Promise<Map<string, ReportingLine>> {
  const unique = [...new Set(ids)];
  return new Map((await employees.reportingLines(unique)).map((line) => [line.employeeId, line]));
}
