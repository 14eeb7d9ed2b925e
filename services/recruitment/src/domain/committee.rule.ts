import type { CommitteeStanding, EmployeeCopy } from './committee';

/**
 * The committee training programme as development's catalogue names it. The event carries the
 * programme's title and id, not its code: recruitment recognises the title (or the code, when an
 * agency's own programme carries it in its title).
 */
export const COMMITTEE_TRAINING_CODE = 'PANITIA-SELEKSI';
export const COMMITTEE_TRAINING_TITLE = 'Pelatihan Panitia Seleksi ASN';

const normalised = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Whether a completed programme is the committee training (by title, or the code within it). */
export function isCommitteeTraining(programTitle: string, accepted: readonly string[] = [COMMITTEE_TRAINING_TITLE, COMMITTEE_TRAINING_CODE]): boolean {
  const title = normalised(programTitle);
  return accepted.some((name) => {
    const wanted = normalised(name);
    return wanted.length > 0 && (title === wanted || title.includes(wanted));
  });
}

/** Why the viewer may not work on a selection (or on one of its applications), or null when they may. */
export type CommitteeRefusal = { reason: 'NOT_APPOINTED' } | { reason: 'NOT_TRAINED' } | { reason: 'CONFLICT_OF_INTEREST'; applicationId: string };

/**
 * Rule: HR and the province admin manage every selection of the agency; a committee member works
 * only on the selections they are appointed to, only once they completed the committee training,
 * and never on an application they declared a conflict of interest with.
 */
export function committeeRefusal(manager: boolean, standing: CommitteeStanding | null, applicationIds: readonly string[]): CommitteeRefusal | null {
  if (manager) return null;
  if (!standing?.appointed) return { reason: 'NOT_APPOINTED' };
  if (!standing.trained) return { reason: 'NOT_TRAINED' };
  const conflicts = new Set(standing.conflicts);
  const conflicted = applicationIds.find((id) => conflicts.has(id));
  return conflicted ? { reason: 'CONFLICT_OF_INTEREST', applicationId: conflicted } : null;
}

/** What is wrong with appointing an employee to a selection of an agency, or null. */
export function appointmentProblem(employee: EmployeeCopy | null, selectionAgencyId: string): string | null {
  if (!employee || employee.agencyId !== selectionAgencyId) return 'is not an employee of the selection’s agency';
  if (employee.status === 'LEFT') return 'has left the agency';
  return null;
}

/** A declared conflict's reason: 1 to 1000 characters after trimming. */
export function conflictReasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  return trimmed.length === 0 || trimmed.length > 1000 ? 'must be 1 to 1000 characters' : null;
}

/**
 * What a viewer reads of a selection's applications (and their objections): everything for HR, the
 * province admin and auditors; for a committee member, only a selection they are appointed to, and
 * there never an applicant they declared a conflict with (reads as writes; training is needed to
 * work, not to read); nothing for anyone else.
 */
export type ReadScope = { kind: 'ALL' } | { kind: 'NONE'; reason: 'NOT_APPOINTED' | 'NOT_STAFF' } | { kind: 'ALL_BUT'; conflicts: ReadonlySet<string> };

export function readScope(fullAccess: boolean, standing: CommitteeStanding | null): ReadScope {
  if (fullAccess) return { kind: 'ALL' };
  if (!standing) return { kind: 'NONE', reason: 'NOT_STAFF' };
  if (!standing.appointed) return { kind: 'NONE', reason: 'NOT_APPOINTED' };
  return { kind: 'ALL_BUT', conflicts: new Set(standing.conflicts) };
}

export const mayRead = (scope: ReadScope, applicationId: string): boolean =>
  scope.kind === 'ALL' || (scope.kind === 'ALL_BUT' && !scope.conflicts.has(applicationId));
