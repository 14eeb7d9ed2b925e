import type { Viewer } from '@kinerja/auth';
import { ConflictError, ValidationError } from '@kinerja/errors';

import { canLeadAgency } from './access.rule';
import type { EmployeeCopy } from './employee-copy';
import type { UnitRating } from './vocabulary';

export interface UnitRaterFacts {
  viewer: Viewer;
  /** The agency of the unit (and of the period). */
  agencyId: string;
  orgUnitId: string;
  /** The viewer's own employee copy, if the account belongs to an employee. */
  self: EmployeeCopy | null;
  /** The unit's heads: still employed members whose supervisor sits outside the unit (or who have none). */
  headsOfUnit: readonly EmployeeCopy[];
}

export type UnitRaterVerdict = 'ALLOWED' | 'OWN_UNIT' | 'NOT_ENTITLED';

/**
 * Who sets a unit's rating. Nobody who heads or belongs to the unit (its rating sets its head's
 * work-result rating and its people's curve). Otherwise: the agency head, the head of the parent
 * unit (derived from the reporting line: the person a head of the unit reports to, outside the
 * unit), the agency's HR admin and the province admin.
 */
export function unitRaterVerdict({ viewer, agencyId, orgUnitId, self, headsOfUnit }: UnitRaterFacts): UnitRaterVerdict {
  if (viewer.userId === null) return 'NOT_ENTITLED';
  if (self !== null && self.status !== 'LEFT' && self.orgUnitId === orgUnitId) return 'OWN_UNIT';
  if (canLeadAgency(viewer, agencyId)) return 'ALLOWED';
  if (self === null || self.status === 'LEFT' || self.agencyId !== agencyId) return 'NOT_ENTITLED';
  return headsOfUnit.some((head) => head.orgUnitId === orgUnitId && head.supervisorEmployeeId === self.employeeId) ? 'ALLOWED' : 'NOT_ENTITLED';
}

export const MIN_REOPEN_REASON_LENGTH = 10;

export interface UnitRatingChange {
  /** The rating stored so far for the unit and year, if any. */
  before: UnitRating | null;
  rating: UnitRating;
  /** Annual assessments already finalized in the unit for the year. */
  finalizedInUnit: number;
  reason: string | null;
}

/**
 * Before anyone in the unit is finalized the rating may change freely. After a finalization it
 * changes only through a recorded reopening with a reason (the finalized assessments rested on
 * it). Setting the same rating again is no change. Returns whether this change is a reopening,
 * and its trimmed reason.
 */
export function unitRatingChange({ before, rating, finalizedInUnit, reason }: UnitRatingChange): { reopening: boolean; reason: string | null } {
  const trimmed = reason?.trim() || null;
  if (finalizedInUnit === 0 || before === rating) return { reopening: false, reason: trimmed };
  if (trimmed === null) {
    throw new ConflictError(`${finalizedInUnit} assessment(s) in the unit are final: changing its rating reopens it and needs a reason`, {
      field: 'input.reason',
    });
  }
  if (trimmed.length < MIN_REOPEN_REASON_LENGTH || trimmed.length > 2000) {
    throw new ValidationError({ field: 'input.reason', message: `must be ${MIN_REOPEN_REASON_LENGTH}-2000 characters` });
  }
  return { reopening: true, reason: trimmed };
}
