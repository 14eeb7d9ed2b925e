/** The stages of the recruitment funnel, in order. */
export const FUNNEL_STAGES = ['REGISTERED', 'SUBMITTED', 'QUALIFIED', 'PASSED_SKD', 'SKB', 'SELECTED', 'HIRED'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelStageRow {
  stage: FunnelStage;
  count: number;
  /** Share of the previous stage's applications that did not reach this one (null for the first, or after zero). */
  dropOff: number | null;
  /** Median days an application spent in this stage before the next announcement (null when none left it yet). */
  medianDaysInStage: number | null;
}

export interface ObjectionCounts {
  filed: number;
  open: number;
  accepted: number;
  rejected: number;
}

export interface VacancyFunnel {
  /** null: the whole agency (or the vacancies asked for) together. */
  vacancyId: string | null;
  title: string | null;
  stages: FunnelStageRow[];
  objections: ObjectionCounts;
}

export interface SurveyInvitation {
  applicationId: string;
  agencyId: string;
  selectionId: string;
  tokenHash: string;
  issuedAt: Date;
}

export interface SurveySummary {
  selectionId: string;
  responses: number;
  questions: readonly string[];
  /** Per statement (SURVEY_QUESTIONS order); null below the reporting threshold. */
  averages: (number | null)[];
}
