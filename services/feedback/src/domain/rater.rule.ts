import type { EmployeeCopy } from './employee-copy';
import type { RaterGroup } from './vocabulary';

export interface Rater {
  employeeId: string;
  group: RaterGroup;
}

/**
 * Rule 8: the raters of a 360° cycle come from the reporting line: the subject themself, their
 * supervisor, their peers (the same supervisor) and their direct subordinates. Who has left is not
 * asked; nobody is asked twice (the first group that names them wins, in that order).
 */
export function deriveRaters(subject: EmployeeCopy, colleagues: readonly EmployeeCopy[]): Rater[] {
  const active = colleagues.filter((colleague) => colleague.status !== 'LEFT' && colleague.agencyId === subject.agencyId);
  const groupOf = (colleague: EmployeeCopy): RaterGroup | null => {
    if (colleague.employeeId === subject.supervisorEmployeeId) return 'SUPERVISOR';
    if (subject.supervisorEmployeeId !== null && colleague.supervisorEmployeeId === subject.supervisorEmployeeId) return 'PEER';
    if (colleague.supervisorEmployeeId === subject.employeeId) return 'SUBORDINATE';
    return null;
  };
  const raters: Rater[] = [{ employeeId: subject.employeeId, group: 'SELF' }];
  const order: RaterGroup[] = ['SUPERVISOR', 'PEER', 'SUBORDINATE'];
  for (const group of order) {
    for (const colleague of active) {
      if (raters.some((rater) => rater.employeeId === colleague.employeeId)) continue;
      if (groupOf(colleague) === group) raters.push({ employeeId: colleague.employeeId, group });
    }
  }
  return raters;
}
