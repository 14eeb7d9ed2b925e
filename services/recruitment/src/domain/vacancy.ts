import { ConflictError, type FieldProblem } from '@kinerja/errors';
import type { Clock, IdGenerator } from '@kinerja/kernel';

import type { Formation } from './formation';
import type { Selection } from './selection';
import { requiredText, throwIfAny, wholeNumber } from './text';

/** A published vacancy (lowongan) of one approved formation in one selection. */
export interface Vacancy {
  id: string;
  agencyId: string;
  selectionId: string;
  formationId: string;
  title: string;
  /** The education required, e.g. "S1 Teknik Informatika". */
  education: string;
  /** Age limits on the day registration closes. */
  minAge: number;
  maxAge: number;
  documents: string[];
  quota: number;
  publishedAt: Date;
}

export interface PublishVacancyInput {
  formationId: string;
  selectionId: string;
  title: string;
  education: string;
  minAge: number;
  maxAge: number;
  documents: readonly string[];
}

export const TITLE_MAX_LENGTH = 200;

/** The factory guards the entity's rules; the mapper rebuilds from rows and trusts the database. */
export function publishVacancy(input: PublishVacancyInput, formation: Formation, selection: Selection, ids: IdGenerator, clock: Clock): Vacancy {
  if (formation.status !== 'APPROVED')
    throw new ConflictError(`The formation is ${formation.status}; only an approved formation is announced`, { field: 'input.formationId' });
  if (formation.agencyId !== selection.agencyId)
    throw new ConflictError('The formation and the selection belong to different agencies', { field: 'input.selectionId' });
  const problems: FieldProblem[] = [];
  const title = requiredText(problems, 'title', input.title, TITLE_MAX_LENGTH);
  const education = requiredText(problems, 'education', input.education, 300);
  wholeNumber(problems, 'minAge', input.minAge, 17, 70);
  wholeNumber(problems, 'maxAge', input.maxAge, 17, 70);
  if (input.maxAge < input.minAge) problems.push({ field: 'maxAge', message: 'must not be below minAge' });
  if (input.documents.length > 20) problems.push({ field: 'documents', message: 'must list at most 20 documents' });
  const documents = input.documents.map((document, index) => requiredText(problems, `documents.${index}`, document, 200));
  throwIfAny(problems);
  return {
    id: ids.newId(),
    agencyId: formation.agencyId,
    selectionId: selection.id,
    formationId: formation.id,
    title,
    education,
    minAge: input.minAge,
    maxAge: input.maxAge,
    documents,
    quota: formation.quota,
    publishedAt: clock.now(),
  };
}

/** Whole years of age on a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
