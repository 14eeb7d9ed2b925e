import type { Gateway, Session } from './demo-activity.client';
import type { IndicatorTemplate, Outcome, WorkResultTemplate } from './demo-activity.templates';

// The people and records of one agency's demo year, shared by the parts of its script.

export interface Period {
  id: string;
  year: number;
  subPeriods: { id: string; index: number }[];
}

export interface PlanDraft {
  planId: string;
  workResults: { id: string; template: WorkResultTemplate; indicators: { id: string; template: IndicatorTemplate }[] }[];
}

export interface Holder {
  id: string;
  nip: string;
  email: string | null;
  position: { title: string };
}

export interface Person {
  id: string;
  nip: string;
  title: string;
  session: Session;
}

/** A staff member's two years: how the last one went, and where this year's SKP stands. */
export interface Member {
  person: Person;
  /** Their direct supervisor, who approves their SKP and assesses them. */
  lead: Person;
  outcome: Outcome;
  currentPlan: 'SUBMITTED' | 'APPROVED';
  demo: boolean;
}

/** What the demo did, across the agencies, for the summary. */
export class Counters {
  plans = 0;
  dialogues = 0;
  feedbackCycles = { closed: 0, open: 0 };
  rewards = 0;
  sanctions = 0;
  realizations = 0;
  justified = 0;
  assignments = 0;
  certificates = 0;
  assessments: Record<string, number> = {};
}

/** What each part of an agency's demo year works with. */
export interface DemoContext {
  gateway: Gateway;
  counters: Counters;
  slug: string;
  years: { previous: number; current: number };
  /** The date the follow-ups are recorded on (YYYY-MM-DD). */
  today: string;
}
