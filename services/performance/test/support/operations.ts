import type { Viewer } from '@kinerja/auth';

import type { PerformanceHarness } from '../performance-harness';
import type { Person } from './organisation';

export const CREATE_PERIOD = `mutation ($input: CreatePerformancePeriodInput!) {
  createPerformancePeriod(input: $input) { id year status subPeriods { id index startDate endDate fillInDeadline } } }`;
export const CREATE_PLAN = `mutation ($input: CreatePerformancePlanInput!) { createPerformancePlan(input: $input) { id status } }`;
export const ADD_WORK_RESULT = `mutation ($input: AddWorkResultInput!) { addWorkResult(input: $input) { id kind title } }`;
export const ADD_INDICATOR = `mutation ($input: AddIndicatorInput!) { addIndicator(input: $input) { id target } }`;
export const SUBMIT = `mutation ($id: ID!) { submitPerformancePlan(planId: $id) { id status submittedAt } }`;
export const APPROVE = `mutation ($id: ID!) { approvePerformancePlan(planId: $id) { id status approvedAt } }`;
export const RETURN = `mutation ($id: ID!, $note: String!) { returnPerformancePlan(planId: $id, note: $note) { id status returnNote } }`;
export const REOPEN = `mutation ($id: ID!) { reopenPerformancePlan(planId: $id) { id status } }`;
export const REPORT = `mutation ($input: ReportRealizationInput!) { reportRealization(input: $input) { id value late evidenceUrl period { index } } }`;
export const FINALIZE = `mutation ($input: FinalizeAssessmentInput!) { finalizeAssessment(input: $input) {
  id kind predikat proposedWorkResultRating workResultRating overrideReason behaviourRating curveWarning justification
  behaviourGaps workResultGaps { workResultId title } behaviourRatings { value rating note } } }`;
export const SET_UNIT_RATING = `mutation ($input: SetUnitRatingInput!) { setUnitRating(input: $input) { id rating } }`;
export const PLAN = `query ($id: ID!) { performancePlan(id: $id) { id status returnNote allowedActions
  workResults { id kind title cascadedFrom { id title } cascadedTo { id title } indicators { id target realizations { value late } } } } }`;

/** The data of a response, failing the test with the errors when there are any. */
export function ok<T = any>(response: { data?: unknown; errors?: unknown }, field: string): T {
  if (response.errors) throw new Error(`${field}: ${JSON.stringify(response.errors)}`);
  return (response.data as Record<string, T>)[field] as T;
}

export interface PlanFixture {
  planId: string;
  /** MAIN results first, then ADDITIONAL; one QUANTITY indicator each. */
  workResults: { id: string; indicatorId: string; title: string }[];
}

/**
 * A plan the direct supervisor approved: one QUANTITY indicator (target 12) per result. `mainTitles`
 * are MAIN results, `additionalTitles` ADDITIONAL ones.
 */
export async function approvedPlan(
  h: PerformanceHarness,
  employee: Person,
  approver: Viewer,
  periodId: string,
  mainTitles: string[] = ['Menyusun laporan kinerja'],
  additionalTitles: string[] = [],
): Promise<PlanFixture> {
  const plan = ok<{ id: string }>(await h.gql(CREATE_PLAN, { input: { periodId } }, employee.viewer), 'createPerformancePlan');
  const workResults: PlanFixture['workResults'] = [];
  const titles: [string, string][] = [
    ...mainTitles.map((title): [string, string] => ['MAIN', title]),
    ...additionalTitles.map((title): [string, string] => ['ADDITIONAL', title]),
  ];
  for (const [kind, title] of titles) {
    const workResult = ok<{ id: string }>(await h.gql(ADD_WORK_RESULT, { input: { planId: plan.id, kind, title } }, employee.viewer), 'addWorkResult');
    const indicator = ok<{ id: string }>(
      await h.gql(
        ADD_INDICATOR,
        { input: { workResultId: workResult.id, aspect: 'QUANTITY', description: `Jumlah ${title}`, target: 12, unit: 'dokumen' } },
        employee.viewer,
      ),
      'addIndicator',
    );
    workResults.push({ id: workResult.id, indicatorId: indicator.id, title });
  }
  ok(await h.gql(SUBMIT, { id: plan.id }, employee.viewer), 'submitPerformancePlan');
  ok(await h.gql(APPROVE, { id: plan.id }, approver), 'approvePerformancePlan');
  return { planId: plan.id, workResults };
}

export const report = (h: PerformanceHarness, employee: Person, indicatorId: string, periodId: string, value: number) =>
  h.gql(REPORT, { input: { indicatorId, periodId, value, evidenceUrl: 'https://dokumen.example.go.id/bukti/1.pdf' } }, employee.viewer);

export const ALL_MEETS = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'].map((value) => ({
  value,
  rating: 'MEETS',
  note: null,
}));

export const finalizeInput = (planId: string, periodId: string, overrides: Record<string, unknown> = {}) => ({
  planId,
  periodId,
  workResultRating: 'MEETS',
  behaviourRating: 'MEETS',
  behaviourRatings: ALL_MEETS,
  feedback: 'Kinerja sesuai ekspektasi sepanjang tahun.',
  ...overrides,
});
