import { type FieldProblem, ValidationError } from '@kinerja/errors';

import { type PlanAction, type PlanActor, type RevisionFacts, transition } from './plan-workflow.rule';
import type { ExpectationRating, IndicatorAspect, PlanStatus, WorkResultKind } from './vocabulary';

export interface SelfAssessment {
  workResultRating: ExpectationRating;
  behaviourRating: ExpectationRating;
  note: string;
  submittedAt: Date;
}

/** SKP: an employee's plan for an annual period. */
export interface PerformancePlan {
  id: string;
  agencyId: string;
  periodId: string;
  employeeId: string;
  /** The employee's unit when the plan was made. */
  orgUnitId: string;
  status: PlanStatus;
  returnNote: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  approvedByEmployeeId: string | null;
  selfAssessment: SelfAssessment | null;
}

/** RHK: a planned work result, MAIN or ADDITIONAL, possibly cascaded from the supervisor's RHK. */
export interface WorkResult {
  id: string;
  planId: string;
  kind: WorkResultKind;
  title: string;
  position: number;
  cascadedFromWorkResultId: string | null;
}

export interface Indicator {
  id: string;
  workResultId: string;
  aspect: IndicatorAspect;
  description: string;
  target: number;
  unit: string;
  lowerIsBetter: boolean;
  position: number;
}

function text(problems: FieldProblem[], field: string, value: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) problems.push({ field, message: `must be ${min}-${max} characters` });
  return trimmed;
}

function throwIfAny(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new ValidationError(problems);
}

export function newPlan(id: string, input: { agencyId: string; periodId: string; employeeId: string; orgUnitId: string }): PerformancePlan {
  return { ...input, id, status: 'DRAFT', returnNote: null, submittedAt: null, approvedAt: null, approvedByEmployeeId: null, selfAssessment: null };
}

export function newWorkResult(
  id: string,
  planId: string,
  input: { kind: WorkResultKind; title: string; cascadedFromWorkResultId: string | null },
  position: number,
): WorkResult {
  const problems: FieldProblem[] = [];
  const title = text(problems, 'input.title', input.title, 3, 500);
  throwIfAny(problems);
  return { id, planId, kind: input.kind, title, position, cascadedFromWorkResultId: input.cascadedFromWorkResultId };
}

export function newIndicator(
  id: string,
  workResultId: string,
  input: { aspect: IndicatorAspect; description: string; target: number; unit: string; lowerIsBetter: boolean },
  position: number,
): Indicator {
  const problems: FieldProblem[] = [];
  const description = text(problems, 'input.description', input.description, 3, 500);
  const unit = text(problems, 'input.unit', input.unit, 1, 50);
  if (!Number.isFinite(input.target) || input.target <= 0) problems.push({ field: 'input.target', message: 'must be a number above 0' });
  if (input.lowerIsBetter && input.aspect !== 'TIME' && input.aspect !== 'COST') {
    problems.push({ field: 'input.lowerIsBetter', message: 'only a TIME or COST indicator can be lower-is-better' });
  }
  throwIfAny(problems);
  return { id, workResultId, aspect: input.aspect, description, target: input.target, unit, lowerIsBetter: input.lowerIsBetter, position };
}

/** A plan goes to the supervisor only when it can be rated: a MAIN result, and an indicator for every result. */
export function assertReadyToSubmit(workResults: readonly WorkResult[], indicators: readonly Indicator[]): void {
  const problems: FieldProblem[] = [];
  if (!workResults.some((w) => w.kind === 'MAIN')) problems.push({ field: 'workResults', message: 'a plan needs at least one MAIN work result' });
  for (const workResult of workResults) {
    if (!indicators.some((i) => i.workResultId === workResult.id)) {
      problems.push({ field: `workResults.${workResult.id}.indicators`, message: `"${workResult.title}" needs at least one indicator` });
    }
  }
  throwIfAny(problems);
}

/** Applies a workflow step (plan-workflow.rule) and records what it means for the plan. */
export function changePlanStatus(
  plan: PerformancePlan,
  action: PlanAction,
  actor: PlanActor,
  context: { at: Date; actorEmployeeId: string; note?: string | null; revision?: RevisionFacts },
): PerformancePlan {
  const status = transition(plan.status, action, actor, { note: context.note ?? null, ...(context.revision ? { revision: context.revision } : {}) });
  switch (action) {
    case 'SUBMIT':
      return { ...plan, status, submittedAt: context.at };
    case 'APPROVE':
      return { ...plan, status, approvedAt: context.at, approvedByEmployeeId: context.actorEmployeeId, returnNote: null };
    case 'RETURN':
      return { ...plan, status, returnNote: (context.note ?? '').trim() };
    case 'EDIT':
      return { ...plan, status };
    case 'REVISE':
      // What was agreed lives on in the revision's snapshot; the draft waits for a new agreement.
      return { ...plan, status, submittedAt: null, approvedAt: null, approvedByEmployeeId: null, returnNote: null };
  }
}
