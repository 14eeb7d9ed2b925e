import { ConflictError, type FieldProblem, ValidationError } from '@kinerja/errors';
import type { Clock, IdGenerator } from '@kinerja/kernel';

import { requiredText, throwIfAny, wholeNumber } from './text';

export type FormationStatus = 'PROPOSED' | 'APPROVED' | 'RETURNED';

/** Formasi: posts to recruit for one position, from the needs analysis (analisis kebutuhan). */
export interface Formation {
  id: string;
  agencyId: string;
  orgUnitId: string;
  /** identity's Position the hires take, when the post exists there already. */
  positionId: string | null;
  positionTitle: string;
  /** The workload analysis' need (kebutuhan ABK) and who holds the post today. */
  need: number;
  currentHolders: number;
  quota: number;
  justification: string;
  status: FormationStatus;
  reviewNote: string | null;
  proposedBy: string | null;
  reviewedBy: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
}

/** What an agency proposes; the review fills in the rest. */
export type ProposeFormationInput = Pick<
  Formation,
  'agencyId' | 'orgUnitId' | 'positionId' | 'positionTitle' | 'need' | 'currentHolders' | 'quota' | 'justification'
>;

export const JUSTIFICATION_MIN_LENGTH = 20;

/** The gap of the needs analysis: what the workload needs beyond who holds the post. */
export const formationGap = (need: number, currentHolders: number) => Math.max(0, need - currentHolders);

export function proposeFormation(input: ProposeFormationInput, proposedBy: string | null, ids: IdGenerator, clock: Clock): Formation {
  const problems: FieldProblem[] = [];
  const positionTitle = requiredText(problems, 'positionTitle', input.positionTitle, 200);
  const justification = requiredText(problems, 'justification', input.justification, 4000, JUSTIFICATION_MIN_LENGTH);
  wholeNumber(problems, 'need', input.need, 0, 100_000);
  wholeNumber(problems, 'currentHolders', input.currentHolders, 0, 100_000);
  wholeNumber(problems, 'quota', input.quota, 1, 100_000);
  throwIfAny(problems);
  const gap = formationGap(input.need, input.currentHolders);
  if (input.quota > gap) throw new ValidationError({ field: 'quota', message: `must not exceed the gap of the needs analysis (${gap})` });
  return {
    ...input,
    positionTitle,
    justification,
    id: ids.newId(),
    status: 'PROPOSED',
    reviewNote: null,
    proposedBy,
    reviewedBy: null,
    createdAt: clock.now(),
    reviewedAt: null,
  };
}

/** The province admin approves a proposed formation, or returns it with a note. */
export function reviewFormation(formation: Formation, decision: { approve: boolean; note: string | null }, reviewedBy: string | null, now: Date): Formation {
  if (formation.status !== 'PROPOSED')
    throw new ConflictError(`The formation is ${formation.status}; only a proposed one is reviewed`, { status: formation.status });
  const note = decision.note?.trim() || null;
  if (!decision.approve && !note) throw new ValidationError({ field: 'note', message: 'a returned formation needs the reason' });
  return { ...formation, status: decision.approve ? 'APPROVED' : 'RETURNED', reviewNote: note, reviewedBy, reviewedAt: now };
}
