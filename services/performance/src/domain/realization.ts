import { type FieldProblem, ValidationError } from '@kinerja/errors';

/** Realisasi: what was achieved for an indicator in a sub-period, with its evidence (bukti dukung). */
export interface Realization {
  id: string;
  indicatorId: string;
  planId: string;
  subPeriodId: string;
  value: number;
  /** A link to the evidence; null when the evidence is (or will be) an uploaded document, or missing. */
  evidenceUrl: string | null;
  note: string | null;
  /** Reported after the sub-period's fill-in deadline (in the agency's time zone). */
  late: boolean;
  reportedAt: Date;
}

const MAX_URL = 2000;

/**
 * Evidence is a link to where the document lives (the agency's document system, a shared drive):
 * http or https only, so a `javascript:` or `file:` link cannot reach a supervisor's browser.
 */
export function validateEvidenceUrl(value: string, field = 'input.evidenceUrl'): string {
  const trimmed = value.trim();
  let url: URL | null = null;
  try {
    url = new URL(trimmed);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || trimmed.length > MAX_URL) {
    throw new ValidationError({ field, message: `must be an http(s) link of at most ${MAX_URL} characters` });
  }
  return trimmed;
}

/**
 * Bukti dukung is a link or an uploaded document. A realization is reported first and a document
 * attached to it afterwards, so it may be without evidence for a while (or for good): it still
 * counts towards the proposal, and `evidenceMissing` shows the supervisor, who decides the rating,
 * that nothing backs it.
 */
export function hasEvidence(realization: Pick<Realization, 'evidenceUrl'>, documentCount: number): boolean {
  return realization.evidenceUrl !== null || documentCount > 0;
}

export function newRealization(
  id: string,
  input: { indicatorId: string; planId: string; subPeriodId: string; value: number; evidenceUrl: string | null; note: string | null },
  reportedAt: Date,
  late: boolean,
): Realization {
  const problems: FieldProblem[] = [];
  if (!Number.isFinite(input.value) || input.value < 0) problems.push({ field: 'input.value', message: 'must be a number of 0 or more' });
  // A blank link is no link (a form's empty field); anything else must be a valid one.
  let evidenceUrl = input.evidenceUrl?.trim() ? input.evidenceUrl : null;
  try {
    if (evidenceUrl !== null) evidenceUrl = validateEvidenceUrl(evidenceUrl);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...error.problems);
  }
  const note = input.note?.trim() || null;
  if (note && note.length > 2000) problems.push({ field: 'input.note', message: 'must be at most 2000 characters' });
  if (problems.length > 0) throw new ValidationError(problems);
  return { id, ...input, evidenceUrl, note, late, reportedAt };
}
