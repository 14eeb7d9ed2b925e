import { ConflictError, type FieldProblem, ValidationError } from '@kinerja/errors';

/**
 * What an agency does when a finalization would break the distribution curve (rule 3): WARN lets
 * the supervisor finalize anyway with a written justification; BLOCK refuses until the ratings
 * fit the curve, and no justification changes that.
 */
export type DistributionEnforcement = 'WARN' | 'BLOCK';

/** A sentence, not "ok": long enough to state a reason an auditor can read. Per agency. */
export const DEFAULT_MIN_JUSTIFICATION_LENGTH = 30;

export interface FinalizationDecisionInput {
  enforcement: DistributionEnforcement;
  breaks: boolean;
  justification?: string | null;
  minJustificationLength?: number;
}

export interface FinalizationDecision {
  allowed: boolean;
  /** Show the curve warning: the finalization breaks it, whether or not it may go ahead. */
  warning: boolean;
  /** A justification is what makes it allowed (WARN only); under BLOCK none would help. */
  requiresJustification: boolean;
  /** Why it is refused, on the field to fix; null when allowed. */
  problem: FieldProblem | null;
}

export function finalizationDecision(input: FinalizationDecisionInput): FinalizationDecision {
  if (!input.breaks) return { allowed: true, warning: false, requiresJustification: false, problem: null };
  if (input.enforcement === 'BLOCK') {
    return {
      allowed: false,
      warning: true,
      requiresJustification: false,
      problem: { field: 'predikat', message: 'the distribution curve of the unit would break; this agency blocks it' },
    };
  }
  const minLength = input.minJustificationLength ?? DEFAULT_MIN_JUSTIFICATION_LENGTH;
  // Trimmed, so that spaces cannot pad a short answer to the required length.
  const length = (input.justification ?? '').trim().length;
  if (length >= minLength) return { allowed: true, warning: true, requiresJustification: true, problem: null };
  const problem = { field: 'justification', message: `the distribution curve of the unit would break: explain why in at least ${minLength} characters` };
  return { allowed: false, warning: true, requiresJustification: true, problem };
}

/**
 * For the use case: a missing justification is bad input on `justification` (the client can fix
 * it); a blocked curve is a conflict with the state of the unit (the ratings must change).
 */
export function assertFinalizationAllowed(input: FinalizationDecisionInput): FinalizationDecision {
  const decision = finalizationDecision(input);
  if (decision.allowed || !decision.problem) return decision;
  if (decision.requiresJustification) throw new ValidationError(decision.problem);
  throw new ConflictError(decision.problem.message, { field: decision.problem.field });
}
