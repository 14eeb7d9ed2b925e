import { ValidationError } from '@kinerja/errors';

import type { WorkResultGap } from './assessment';
import type { WorkResult } from './plan';
import type { ExpectationRating } from './vocabulary';

export interface WorkResultGapFacts {
  /** The supervisor's decided work-result rating (not the system's proposal). */
  decided: ExpectationRating;
  /** The MAIN results the system measured BELOW (rule 2's proposal). */
  measured: readonly WorkResultGap[];
  workResults: readonly Pick<WorkResult, 'id' | 'kind' | 'title'>[];
  /** The results the supervisor names as BELOW, when they name them; null to derive from the decision. */
  named: readonly string[] | null;
}

/**
 * The work-result gaps of a finalized assessment (rule 5: development for the work results rated
 * BELOW) follow the supervisor's decision, never the proposal alone:
 * - named by the supervisor: exactly those results (of this plan; none MAIN when they rate ABOVE,
 *   which by rule 2 has no MAIN result below);
 * - otherwise ABOVE: none, whatever the system measured;
 * - MEETS: the MAIN results measured BELOW (MEETS allows a small share of them; naming an empty
 *   list says none of them is a gap);
 * - BELOW: the MAIN results measured BELOW, or every MAIN result when none measured BELOW (the
 *   supervisor decided that most or all are below).
 * Field paths are those of the finalizeAssessment input.
 */
export function decidedWorkResultGaps({ decided, measured, workResults, named }: WorkResultGapFacts): WorkResultGap[] {
  const byId = new Map(workResults.map((w) => [w.id, w]));
  if (named !== null) {
    const unique = [...new Set(named)];
    const problems = unique
      .filter((id) => !byId.has(id))
      .map((id) => ({ field: 'input.belowWorkResultIds', message: `${id} is not a work result of the plan` }));
    if (problems.length > 0) throw new ValidationError(problems);
    const results = unique.map((id) => byId.get(id)!);
    if (decided === 'ABOVE' && results.some((w) => w.kind === 'MAIN')) {
      throw new ValidationError({ field: 'input.belowWorkResultIds', message: 'a work-result rating of ABOVE has no MAIN result below expectation' });
    }
    return results.sort((a, b) => workResults.indexOf(a) - workResults.indexOf(b)).map((w) => ({ workResultId: w.id, title: w.title }));
  }
  if (decided === 'ABOVE') return [];
  if (decided === 'MEETS' || measured.length > 0) return [...measured];
  return workResults.filter((w) => w.kind === 'MAIN').map((w) => ({ workResultId: w.id, title: w.title }));
}
