import { type FieldProblem, ValidationError } from '@kinerja/errors';

import { behaviourGaps, type CoreValueRating, proposeBehaviourRating } from './behaviour-rating.rule';
import { predikatOf } from './predikat.rule';
import type { AssessmentKind, CoreValue, ExpectationRating, Predikat } from './vocabulary';

export interface WorkResultGap {
  workResultId: string;
  title: string;
}

export interface BehaviourValueRating extends CoreValueRating {
  note: string | null;
}

/** A finalized assessment (periodic or annual): written once, read-only afterwards. */
export interface Assessment {
  id: string;
  agencyId: string;
  planId: string;
  periodId: string;
  employeeId: string;
  orgUnitId: string;
  kind: AssessmentKind;
  proposedWorkResultRating: ExpectationRating;
  workResultRating: ExpectationRating;
  /** Why the supervisor decided otherwise than the system's proposal; null when they agreed. */
  overrideReason: string | null;
  proposedBehaviourRating: ExpectationRating;
  behaviourRating: ExpectationRating;
  predikat: Predikat;
  feedback: string;
  /** Why the unit's distribution curve may be broken (WARN agencies); null when it was not. */
  justification: string | null;
  curveWarning: boolean;
  behaviourGaps: CoreValue[];
  workResultGaps: WorkResultGap[];
  assessorEmployeeId: string;
  finalizedAt: Date;
}

export interface SupervisorDecision {
  workResultRating: ExpectationRating;
  behaviourRating: ExpectationRating;
  behaviourRatings: readonly BehaviourValueRating[];
  feedback: string;
  overrideReason: string | null;
  justification: string | null;
}

/**
 * What the system knows before the supervisor decides: whose assessment it is, and the system's
 * proposal (rule 2) with the work results the supervisor decided are BELOW (work-result-gaps.rule).
 */
export type AssessmentFacts = Pick<
  Assessment,
  | 'id'
  | 'agencyId'
  | 'planId'
  | 'periodId'
  | 'employeeId'
  | 'orgUnitId'
  | 'kind'
  | 'assessorEmployeeId'
  | 'finalizedAt'
  | 'proposedWorkResultRating'
  | 'workResultGaps'
>;

export const MIN_OVERRIDE_REASON_LENGTH = 10;

/**
 * The supervisor decides; the system records what it proposed beside the decision. A work-result
 * rating other than the proposal needs a reason; behaviour is rated per BerAKHLAK value (all seven),
 * the values rated BELOW are the behaviour gaps, and the predikat follows from the matrix (rule 1).
 * Field paths are those of the finalizeAssessment input.
 */
export function decideAssessment(facts: AssessmentFacts, decision: SupervisorDecision): { assessment: Assessment; behaviourRatings: BehaviourValueRating[] } {
  const problems: FieldProblem[] = [];
  let proposedBehaviourRating: ExpectationRating = decision.behaviourRating;
  let gaps: CoreValue[] = [];
  try {
    proposedBehaviourRating = proposeBehaviourRating(decision.behaviourRatings);
    gaps = behaviourGaps(decision.behaviourRatings);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...error.problems.map((p) => ({ ...p, field: p.field.replace(/^behaviour\./, 'input.behaviourRatings.') })));
  }
  const feedback = decision.feedback.trim();
  if (feedback.length < 10 || feedback.length > 5000) problems.push({ field: 'input.feedback', message: 'must be 10-5000 characters' });
  const overrideReason = decision.overrideReason?.trim() || null;
  const overrides = decision.workResultRating !== facts.proposedWorkResultRating;
  if (overrides && (overrideReason?.length ?? 0) < MIN_OVERRIDE_REASON_LENGTH) {
    problems.push({
      field: 'input.overrideReason',
      message: `the system proposes ${facts.proposedWorkResultRating}: explain the different rating in at least ${MIN_OVERRIDE_REASON_LENGTH} characters`,
    });
  }
  for (const entry of decision.behaviourRatings) {
    if ((entry.note?.length ?? 0) > 2000) problems.push({ field: `input.behaviourRatings.${entry.value}.note`, message: 'must be at most 2000 characters' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const { proposedWorkResultRating, workResultGaps, ...base } = facts;
  const assessment: Assessment = {
    ...base,
    proposedWorkResultRating,
    workResultRating: decision.workResultRating,
    overrideReason: overrides ? overrideReason : null,
    proposedBehaviourRating,
    behaviourRating: decision.behaviourRating,
    predikat: predikatOf(decision.workResultRating, decision.behaviourRating),
    feedback,
    justification: decision.justification?.trim() || null,
    curveWarning: false,
    behaviourGaps: gaps,
    workResultGaps,
  };
  const behaviourRatings = decision.behaviourRatings.map((entry) => ({ value: entry.value, rating: entry.rating, note: entry.note?.trim() || null }));
  return { assessment, behaviourRatings };
}
