import { type FieldProblem, ValidationError } from '@kinerja/errors';

import type { Assessment } from './assessment';
import type { Predikat, RewardKind, SanctionKind } from './vocabulary';

export interface Reward {
  id: string;
  agencyId: string;
  employeeId: string;
  assessmentId: string | null;
  kind: RewardKind;
  note: string;
  grantedAt: Date;
}

export interface Sanction {
  id: string;
  agencyId: string;
  employeeId: string;
  assessmentId: string | null;
  kind: SanctionKind;
  note: string;
  issuedAt: Date;
}

/**
 * Follow-up that rests on a finalized assessment (PermenPANRB 6/2022, tindak lanjut): a bonus or
 * promotion recommendation rests on an annual predikat of BAIK or better; a referral to the
 * discipline procedure on an annual predikat of KURANG or SANGAT_KURANG (behaviour below
 * expectation). Certificates, best team, coaching and written warnings may stand on their own,
 * or cite an assessment of the same employee.
 */
const REWARD_BASIS: Readonly<Partial<Record<RewardKind, readonly Predikat[]>>> = {
  PERFORMANCE_BONUS_RECOMMENDATION: ['SANGAT_BAIK', 'BAIK'],
  PROMOTION_RECOMMENDATION: ['SANGAT_BAIK', 'BAIK'],
};

const SANCTION_BASIS: Readonly<Partial<Record<SanctionKind, readonly Predikat[]>>> = {
  DISCIPLINE_REFERRAL: ['KURANG', 'SANGAT_KURANG'],
};

type Basis = Pick<Assessment, 'employeeId' | 'kind' | 'predikat'> | null;

function assertBasis(kind: string, needs: readonly Predikat[] | undefined, employeeId: string, assessment: Basis): void {
  const problems: FieldProblem[] = [];
  if (assessment && assessment.employeeId !== employeeId) problems.push({ field: 'input.assessmentId', message: "is another employee's assessment" });
  else if (needs && !assessment) problems.push({ field: 'input.assessmentId', message: `${kind} rests on a finalized annual assessment` });
  else if (needs && assessment && (assessment.kind !== 'ANNUAL' || !needs.includes(assessment.predikat))) {
    problems.push({ field: 'input.assessmentId', message: `${kind} needs an annual predikat of ${needs.join(' or ')}` });
  }
  if (problems.length > 0) throw new ValidationError(problems);
}

export function validateNote(note: string): string {
  const trimmed = note.trim();
  if (trimmed.length < 10 || trimmed.length > 2000) throw new ValidationError({ field: 'input.note', message: 'must be 10-2000 characters' });
  return trimmed;
}

export function newReward(id: string, input: Omit<Reward, 'id'>, basis: Basis): Reward {
  assertBasis(input.kind, REWARD_BASIS[input.kind], input.employeeId, basis);
  return { ...input, id, note: validateNote(input.note) };
}

export function newSanction(id: string, input: Omit<Sanction, 'id'>, basis: Basis): Sanction {
  assertBasis(input.kind, SANCTION_BASIS[input.kind], input.employeeId, basis);
  return { ...input, id, note: validateNote(input.note) };
}
