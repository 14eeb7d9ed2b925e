import { assertAuthenticated, canReadAgency, type Viewer } from '@kinerja/auth';
import { NotFoundError } from '@kinerja/errors';

import { assertPeriodOpen } from '../domain/period.rule';
import type { Indicator, WorkResult } from '../domain/plan';
import { assertPlanEditable } from '../domain/plan-workflow.rule';
import { loadPlanContext, type PlanContext, type PlanContextSources, requirePlanActor } from './plan-context';

/** The work result an update or removal names, once the viewer may edit it: their own draft SKP, in an open period. */
export async function editableWorkResult(
  sources: PlanContextSources,
  viewer: Viewer,
  workResultId: string,
  field: string,
): Promise<PlanContext & { workResult: WorkResult }> {
  assertAuthenticated(viewer);
  return assertEditable(viewer, await loadWorkResult(sources, viewer, workResultId, field));
}

/** The indicator an update or removal names, with its work result, once the viewer may edit it (as `editableWorkResult`). */
export async function editableIndicator(
  sources: PlanContextSources,
  viewer: Viewer,
  indicatorId: string,
  field: string,
): Promise<PlanContext & { workResult: WorkResult; indicator: Indicator }> {
  assertAuthenticated(viewer);
  return assertEditable(viewer, await loadIndicator(sources, viewer, indicatorId, field));
}

function assertEditable<Context extends PlanContext>(viewer: Viewer, context: Context): Context {
  assertPlanEditable(context.plan.status, requirePlanActor(viewer, context.subject));
  assertPeriodOpen(context.annual);
  return context;
}

/**
 * The work result an edit names, with its plan. An id of another agency's plan answers exactly like
 * an unknown id (NOT_FOUND naming the field), so that ids reveal nothing across agencies.
 */
async function loadWorkResult(
  sources: PlanContextSources,
  viewer: Viewer,
  workResultId: string,
  field: string,
): Promise<PlanContext & { workResult: WorkResult }> {
  const [workResult] = await sources.plans.workResultsByIds([workResultId]);
  const context = workResult ? await loadPlanContext(sources, workResult.planId) : null;
  if (!workResult || !context || !canReadAgency(viewer, context.plan.agencyId)) throw new NotFoundError('WorkResult', workResultId, field);
  return { ...context, workResult };
}

/** The indicator an edit names, with its work result and plan; another agency's answers like an unknown one. */
async function loadIndicator(
  sources: PlanContextSources,
  viewer: Viewer,
  indicatorId: string,
  field: string,
): Promise<PlanContext & { workResult: WorkResult; indicator: Indicator }> {
  const [indicator] = await sources.plans.indicatorsByIds([indicatorId]);
  if (!indicator) throw new NotFoundError('Indicator', indicatorId, field);
  try {
    return { ...(await loadWorkResult(sources, viewer, indicator.workResultId, field)), indicator };
  } catch (error) {
    throw error instanceof NotFoundError ? new NotFoundError('Indicator', indicatorId, field) : error;
  }
}
