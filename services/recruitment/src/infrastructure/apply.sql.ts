import type { ApplyContext } from '../domain/repositories';
import type * as Rows from '../generated/prisma/client';
import { toApplicant, toApplication, toSelection, toVacancy } from './mappers';

/**
 * The hot path of applying, over the driver (prepared statements, no ORM): everything the use
 * case checks in one round trip, and the submit in another.
 */

/** The applicant of the account, the vacancy, its selection and the applicant's application there. */
export const APPLY_CONTEXT = `
  WITH p AS (SELECT * FROM applicant WHERE user_id = $1::uuid),
       v AS (SELECT * FROM vacancy WHERE id = $2::uuid)
  SELECT (SELECT to_jsonb(p) FROM p) AS applicant,
         (SELECT to_jsonb(v) FROM v) AS vacancy,
         (SELECT to_jsonb(s) FROM selection s WHERE s.id = (SELECT selection_id FROM v)) AS selection,
         (SELECT to_jsonb(a) FROM application a WHERE a.applicant_id = (SELECT id FROM p) AND a.selection_id = (SELECT selection_id FROM v)) AS existing`;

/**
 * A new application with the selection's next registration number, and its audit row, as one
 * statement: the increment locks the selection's row only until this statement commits (numbers
 * are handed out once, in order), and a unique violation (another submit of the same applicant in
 * this selection committed first) undoes the increment too.
 */
export const SUBMIT_APPLICATION = `
  WITH numbered AS (
    UPDATE selection SET last_sequence = last_sequence + 1 WHERE id = $1::uuid
    RETURNING $2::text || '-' || lpad(last_sequence::text, 6, '0') AS registration_number
  ), created AS (
    INSERT INTO application (id, agency_id, selection_id, vacancy_id, applicant_id, registration_number, idempotency_key, status, submitted_at, updated_at)
    SELECT $3::uuid, $4::uuid, $1::uuid, $5::uuid, $6::uuid, registration_number, $7, $8, $9::timestamptz, $9::timestamptz FROM numbered
    RETURNING registration_number
  ), audited AS (
    INSERT INTO audit_log (id, actor_user_id, request_id, agency_id, action, entity_type, entity_id, after)
    SELECT gen_random_uuid(), $10, $11, $4::uuid, 'application.submitted', 'Application', $3::text,
           jsonb_set($12::jsonb, '{registrationNumber}', to_jsonb(registration_number))
    FROM created
  )
  SELECT registration_number FROM created`;

type JsonRow = Record<string, unknown>;

const camel = (key: string) => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** A row as to_jsonb writes it (snake_case, timestamps as text) in the shape Prisma reads it. */
function rowOf<T>(json: JsonRow, dates: readonly string[]): T {
  const row: JsonRow = {};
  for (const [key, value] of Object.entries(json)) row[camel(key)] = value;
  for (const key of dates) if (typeof row[key] === 'string') row[key] = new Date(row[key]);
  return row as T;
}

export interface ApplyContextRow {
  applicant: JsonRow | null;
  vacancy: JsonRow | null;
  selection: JsonRow | null;
  existing: JsonRow | null;
}

export function applyContextOf(row: ApplyContextRow | undefined): ApplyContext {
  return {
    applicant: row?.applicant ? toApplicant(rowOf<Rows.Applicant>(row.applicant, ['createdAt'])) : null,
    vacancy: row?.vacancy
      ? toVacancy({ ...rowOf<Rows.Vacancy>(row.vacancy, ['publishedAt']), documents: (row.vacancy['documents'] as string[] | null) ?? [] })
      : null,
    selection: row?.selection ? toSelection(rowOf<Rows.Selection>(row.selection, ['registrationOpensAt', 'registrationClosesAt', 'createdAt'])) : null,
    existing: row?.existing ? toApplication(rowOf<Rows.Application>(row.existing, ['interviewAt', 'withdrawnAt', 'submittedAt', 'updatedAt'])) : null,
  };
}
