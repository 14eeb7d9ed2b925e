import { type FieldProblem, ValidationError } from '@kinerja/errors';

import { CORE_VALUES, type CoreValue, type ExpectationRating } from './vocabulary';

/** The supervisor's rating of one BerAKHLAK value, as entered (notes live on the assessment). */
export interface CoreValueRating {
  value: CoreValue;
  rating: ExpectationRating;
}

export type BehaviourRatings = Readonly<Record<CoreValue, ExpectationRating>>;

/**
 * A behaviour rating is only meaningful over all seven values: a missing value would silently
 * count as "not BELOW", a doubled one would outvote the others. Every problem is named at once,
 * as `behaviour.<VALUE>`, so the form can mark each row.
 */
export function toBehaviourRatings(entries: readonly CoreValueRating[]): BehaviourRatings {
  const problems: FieldProblem[] = [];
  const seen = new Map<CoreValue, ExpectationRating>();
  for (const entry of entries) {
    if (!(CORE_VALUES as readonly string[]).includes(entry.value)) {
      problems.push({ field: `behaviour.${String(entry.value)}`, message: 'is not a BerAKHLAK core value' });
    } else if (seen.has(entry.value)) {
      problems.push({ field: `behaviour.${entry.value}`, message: 'is rated more than once' });
    } else {
      seen.set(entry.value, entry.rating);
    }
  }
  for (const value of CORE_VALUES) {
    if (!seen.has(value)) problems.push({ field: `behaviour.${value}`, message: 'must be rated' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return Object.fromEntries(CORE_VALUES.map((value) => [value, seen.get(value)])) as BehaviourRatings;
}

/** "Most" of seven values: a strict majority, four. */
const MAJORITY = Math.floor(CORE_VALUES.length / 2) + 1;

/**
 * The behaviour rating the system proposes; the supervisor decides (the regulation leaves it to
 * their judgement). Chosen rule, mirroring the work-result guidance of rule 2:
 * - ABOVE when most values (4 of 7) are ABOVE and none is BELOW;
 * - BELOW when most values (4 of 7) are BELOW;
 * - MEETS otherwise.
 * "Any value BELOW makes the whole BELOW" was rejected: behaviour BELOW caps the predikat at
 * KURANG, the misconduct predikat, which one weak value does not amount to. A single weak value
 * still shows as a gap (see `behaviourGaps`) and leads to development, and it keeps the rating
 * from being ABOVE.
 */
export function proposeBehaviourRating(entries: readonly CoreValueRating[]): ExpectationRating {
  const ratings = Object.values(toBehaviourRatings(entries));
  const above = ratings.filter((r) => r === 'ABOVE').length;
  const below = ratings.filter((r) => r === 'BELOW').length;
  if (below >= MAJORITY) return 'BELOW';
  if (above >= MAJORITY && below === 0) return 'ABOVE';
  return 'MEETS';
}

/** The values rated BELOW, in BerAKHLAK order: what development must address (rule 5). */
export function behaviourGaps(entries: readonly CoreValueRating[]): CoreValue[] {
  const ratings = toBehaviourRatings(entries);
  return CORE_VALUES.filter((value) => ratings[value] === 'BELOW');
}
