import { NotFoundError, ValidationError } from '@kinerja/errors';
import { isEntityId } from '@kinerja/kernel';

import type { ApplicationStatus } from '../domain/application';
import { announcedName } from '../domain/public-results';
import type { ResultRow, ResultsCursor, SelectionRepository, VacancyRepository } from '../domain/repositories';
import type { Stage } from '../domain/stage';
import type { Vacancy } from '../domain/vacancy';

/** One line of a published stage: never the NIK, the birth date or the e-mail. */
export interface ResultEntry {
  registrationNumber: string;
  name: string;
  outcome: string;
  rank: number | null;
  twk: number | null;
  tiu: number | null;
  tkp: number | null;
  skdTotal: number | null;
  finalScore: number | null;
}

export interface StageResults {
  vacancyId: string;
  stage: Stage;
  announcedAt: Date;
  objectionClosesAt: Date;
}

export interface SelectionResults {
  vacancy: Vacancy;
  stages: StageResults[];
}

export interface ResultEntryPage {
  nodes: ResultEntry[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Largest page of published results. */
export const MAX_RESULTS_PAGE = 500;

const AFTER_SKD: readonly ApplicationStatus[] = ['SKB', 'SELECTED', 'NOT_SELECTED', 'HIRED'];

/** The outcome a published stage shows for an application the stage lists. */
function entryOf(stage: Stage, row: ResultRow): ResultEntry {
  const base = { registrationNumber: row.registrationNumber, name: announcedName(row.name) };
  if (stage === 'ADMINISTRATION')
    return {
      ...base,
      outcome: row.status === 'NOT_QUALIFIED' ? 'NOT_QUALIFIED' : 'QUALIFIED',
      rank: null,
      twk: null,
      tiu: null,
      tkp: null,
      skdTotal: null,
      finalScore: null,
    };
  const skd = { twk: row.twk, tiu: row.tiu, tkp: row.tkp, skdTotal: row.twk === null ? null : row.twk + (row.tiu ?? 0) + (row.tkp ?? 0) };
  if (stage === 'SKD') return { ...base, ...skd, rank: row.skdRank, finalScore: null, outcome: AFTER_SKD.includes(row.status) ? 'SKB' : row.status };
  // A selected applicant who withdrew stays on the list, marked; the place went to the next one.
  const outcome = row.withdrawn && row.status === 'SELECTED' ? 'WITHDRAWN' : row.status === 'NOT_SELECTED' ? 'NOT_SELECTED' : 'SELECTED';
  return { ...base, ...skd, rank: row.finalRank, finalScore: row.finalScore, outcome };
}

const encodeCursor = (cursor: ResultsCursor) => Buffer.from(JSON.stringify([cursor.rank, cursor.registrationNumber])).toString('base64url');

function decodeCursor(after: string): ResultsCursor {
  let value: unknown = null;
  try {
    value = JSON.parse(Buffer.from(after, 'base64url').toString());
  } catch {
    value = null;
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    (value[0] === null || (Number.isInteger(value[0]) && value[0] > 0)) &&
    typeof value[1] === 'string' &&
    value[1].length > 0 &&
    value[1].length <= 100
  )
    return { rank: value[0] as number | null, registrationNumber: value[1] };
  throw new ValidationError({ field: 'after', message: 'is not a cursor of these results' });
}

/**
 * `selectionResults(vacancyId)`: for anyone, the announced stages only, personal data masked; each
 * stage's entries a keyset page at a time (rank, then registration number; unranked last).
 */
export class SelectionResultsReader {
  constructor(
    private readonly repositories: {
      applications: { resultPage(vacancyId: string, stage: Stage, first: number, after: ResultsCursor | null): Promise<ResultRow[]> };
      selections: SelectionRepository;
      vacancies: VacancyRepository;
    },
  ) {}

  async of(vacancyId: string): Promise<SelectionResults> {
    const [vacancy] = isEntityId(vacancyId) ? await this.repositories.vacancies.byIds([vacancyId]) : [];
    if (!vacancy) throw new NotFoundError('Vacancy', vacancyId, 'vacancyId');
    const announcements = await this.repositories.selections.announcements(vacancy.selectionId);
    return {
      vacancy,
      stages: announcements.map((a) => ({ vacancyId: vacancy.id, stage: a.stage, announcedAt: a.announcedAt, objectionClosesAt: a.objectionClosesAt })),
    };
  }

  async entries(stage: StageResults, first: number, after: string | null): Promise<ResultEntryPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_RESULTS_PAGE)
      throw new ValidationError({ field: 'first', message: `must be from 1 to ${MAX_RESULTS_PAGE}` });
    const rows = await this.repositories.applications.resultPage(stage.vacancyId, stage.stage, first + 1, after ? decodeCursor(after) : null);
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      nodes: page.map((row) => entryOf(stage.stage, row)),
      hasNextPage: rows.length > first,
      endCursor: last
        ? encodeCursor({ rank: stage.stage === 'ADMINISTRATION' ? null : rankOf(stage.stage, last), registrationNumber: last.registrationNumber })
        : null,
    };
  }
}

const rankOf = (stage: Stage, row: ResultRow) => (stage === 'SKD' ? row.skdRank : row.finalRank);
