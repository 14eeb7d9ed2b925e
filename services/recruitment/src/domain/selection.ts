import type { FieldProblem } from '@kinerja/errors';
import type { Clock, IdGenerator } from '@kinerja/kernel';

import { DEFAULT_SCORING, type NormalisationMethod, type ScoringPolicy, scoringPolicyProblems } from './final-score.rule';
import { DEFAULT_PASS_MARKS, passMarkProblems, type PassMarks } from './skd.rule';
import { requiredText, throwIfAny, under } from './text';

/** A selection (e.g. CPNS 2027 of an agency) with its schedule, pass marks and scoring. */
export interface Selection {
  id: string;
  agencyId: string;
  code: string;
  name: string;
  year: number;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  /** YYYY-MM-DD of the SKD and SKB test days, when scheduled. */
  skdDate: string | null;
  skbDate: string | null;
  passMarks: PassMarks;
  scoring: ScoringPolicy;
  createdAt: Date;
}

/** What HR opens a selection with: the schedule and, optionally, its own pass marks and scoring. */
export interface CreateSelectionInput extends Pick<Selection, 'agencyId' | 'code' | 'name' | 'year' | 'registrationOpensAt' | 'registrationClosesAt'> {
  skdDate?: string | null | undefined;
  skbDate?: string | null | undefined;
  passMarks?: PassMarks | null | undefined;
  scoring?: { method?: NormalisationMethod | null; skbMaximum?: number | null; interviewWeight?: number | null } | null | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function newSelection(input: CreateSelectionInput, ids: IdGenerator, clock: Clock): Selection {
  const problems: FieldProblem[] = [];
  const code = requiredText(problems, 'code', input.code, 40);
  if (code && !/^[A-Z0-9-]+$/.test(code)) problems.push({ field: 'code', message: 'must be capital letters, digits and dashes' });
  const name = requiredText(problems, 'name', input.name, 200);
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.push({ field: 'year', message: 'must be a year from 2000 to 2100' });
  if (!(input.registrationClosesAt.getTime() > input.registrationOpensAt.getTime())) {
    problems.push({ field: 'registrationClosesAt', message: 'must be after registrationOpensAt' });
  }
  for (const field of ['skdDate', 'skbDate'] as const) {
    const value = input[field];
    if (value && !(DATE.test(value) && !Number.isNaN(Date.parse(value)))) problems.push({ field, message: 'must be a date YYYY-MM-DD' });
  }
  if (input.skdDate && input.skbDate && input.skbDate < input.skdDate) problems.push({ field: 'skbDate', message: 'must not be before skdDate' });
  const passMarks = input.passMarks ?? DEFAULT_PASS_MARKS;
  problems.push(...under('passMarks', passMarkProblems(passMarks)));
  const scoring: ScoringPolicy = {
    method: input.scoring?.method ?? DEFAULT_SCORING.method,
    skbMaximum: input.scoring?.skbMaximum ?? DEFAULT_SCORING.skbMaximum,
    interviewWeight: input.scoring?.interviewWeight ?? DEFAULT_SCORING.interviewWeight,
    skdWeight: DEFAULT_SCORING.skdWeight,
  };
  problems.push(...under('scoring', scoringPolicyProblems(scoring)));
  throwIfAny(problems);
  return {
    id: ids.newId(),
    agencyId: input.agencyId,
    code,
    name,
    year: input.year,
    registrationOpensAt: input.registrationOpensAt,
    registrationClosesAt: input.registrationClosesAt,
    skdDate: input.skdDate ?? null,
    skbDate: input.skbDate ?? null,
    passMarks: { ...passMarks },
    scoring,
    createdAt: clock.now(),
  };
}

export type RegistrationState = 'NOT_OPEN' | 'OPEN' | 'CLOSED';

export function registrationState(selection: Pick<Selection, 'registrationOpensAt' | 'registrationClosesAt'>, now: Date): RegistrationState {
  if (now.getTime() < selection.registrationOpensAt.getTime()) return 'NOT_OPEN';
  return now.getTime() < selection.registrationClosesAt.getTime() ? 'OPEN' : 'CLOSED';
}
