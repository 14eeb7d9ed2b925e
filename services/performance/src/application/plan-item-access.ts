import { canReadAgency, type Viewer } from '@kinerja/auth';
import { NotFoundError } from '@kinerja/errors';

import type { Indicator, WorkResult } from '../domain/plan';
import { loadPlanContext, type PlanContext, type PlanContextSources } from './plan-context';

/**
 * The work result an edit names, with its plan. An id of another agency's plan answers exactly like
 * an unknown id (NOT_FOUND naming the field), so that ids reveal nothing across agencies.
 */
export async function loadWorkResult(
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
export async function loadIndicator(
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
