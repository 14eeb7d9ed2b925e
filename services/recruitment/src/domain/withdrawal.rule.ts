import { ConflictError } from '@kinerja/errors';

import type { Application } from './application';

export interface WithdrawalOutcome {
  /** The application that leaves (the caller marks it withdrawn). */
  withdrawnId: string;
  /** The next ranked applicant of the same formation, now selected; null when nobody is left. */
  promoted: Application | null;
}

/**
 * A selected applicant who withdraws (or is withdrawn) leaves their place to the next ranked
 * applicant of the same formation: of those NOT_SELECTED with a final rank (absentees at the SKB
 * have none and never move up), the best rank. Only a selected applicant withdraws here; a hired
 * one has become an employee and leaves through identity.
 */
export function passOnPlace(withdrawing: Application, formation: readonly Application[], now: Date): WithdrawalOutcome {
  if (withdrawing.status !== 'SELECTED') {
    throw new ConflictError(
      `Application ${withdrawing.registrationNumber} is ${withdrawing.status}; only a selected applicant withdraws and passes on the place`,
      {
        field: 'input.applicationId',
        status: withdrawing.status,
      },
    );
  }
  const next = formation
    .filter((a) => a.id !== withdrawing.id && a.vacancyId === withdrawing.vacancyId && a.status === 'NOT_SELECTED' && a.finalRank !== null)
    .sort((a, b) => (a.finalRank ?? 0) - (b.finalRank ?? 0) || a.registrationNumber.localeCompare(b.registrationNumber))[0];
  return {
    withdrawnId: withdrawing.id,
    promoted: next ? { ...next, status: 'SELECTED', updatedAt: now } : null,
  };
}
