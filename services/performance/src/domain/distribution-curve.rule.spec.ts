import { ValidationError } from '@kinerja/errors';

import { checkDistribution, type PredikatCounts, wouldBreak } from './distribution-curve.rule';
import type { Predikat, UnitRating } from './vocabulary';

/** Hand-computed, not derived from the rule: the required count of each row, by unit size. */
const REQUIRED: [UnitRating, number, number[]][] = [
  // at most 70% SANGAT_BAIK: floor, but at least one
  ['ISTIMEWA', 1, [1]],
  ['ISTIMEWA', 2, [1]],
  ['ISTIMEWA', 3, [2]],
  ['ISTIMEWA', 4, [2]],
  ['ISTIMEWA', 5, [3]],
  ['ISTIMEWA', 7, [4]],
  ['ISTIMEWA', 10, [7]],
  ['ISTIMEWA', 11, [7]],
  ['ISTIMEWA', 20, [14]],
  // at most 70% BAIK; at least one BUTUH_PERBAIKAN or KURANG
  ['BAIK', 1, [1, 1]],
  ['BAIK', 2, [1, 1]],
  ['BAIK', 3, [2, 1]],
  ['BAIK', 4, [2, 1]],
  ['BAIK', 5, [3, 1]],
  ['BAIK', 7, [4, 1]],
  ['BAIK', 10, [7, 1]],
  ['BAIK', 11, [7, 1]],
  ['BAIK', 20, [14, 1]],
  // at least 60% BUTUH_PERBAIKAN (ceil); at most 10% SANGAT_BAIK (floor, at least one)
  ['BUTUH_PERBAIKAN', 1, [1, 1]],
  ['BUTUH_PERBAIKAN', 2, [2, 1]],
  ['BUTUH_PERBAIKAN', 3, [2, 1]],
  ['BUTUH_PERBAIKAN', 4, [3, 1]],
  ['BUTUH_PERBAIKAN', 5, [3, 1]],
  ['BUTUH_PERBAIKAN', 7, [5, 1]],
  ['BUTUH_PERBAIKAN', 10, [6, 1]],
  ['BUTUH_PERBAIKAN', 11, [7, 1]],
  ['BUTUH_PERBAIKAN', 20, [12, 2]],
  // at least 60% KURANG; at least 10% BUTUH_PERBAIKAN, yielding to the 60%; at most 10% SANGAT_BAIK
  ['KURANG', 1, [1, 0, 1]],
  ['KURANG', 2, [2, 0, 1]],
  ['KURANG', 3, [2, 1, 1]],
  ['KURANG', 4, [3, 1, 1]],
  ['KURANG', 5, [3, 1, 1]],
  ['KURANG', 7, [5, 1, 1]],
  ['KURANG', 10, [6, 1, 1]],
  ['KURANG', 11, [7, 2, 1]],
  ['KURANG', 20, [12, 2, 2]],
  // at least 60% SANGAT_KURANG; at least 10% KURANG or BUTUH_PERBAIKAN, yielding; no SANGAT_BAIK
  ['SANGAT_KURANG', 1, [1, 0, 0]],
  ['SANGAT_KURANG', 2, [2, 0, 0]],
  ['SANGAT_KURANG', 3, [2, 1, 0]],
  ['SANGAT_KURANG', 4, [3, 1, 0]],
  ['SANGAT_KURANG', 5, [3, 1, 0]],
  ['SANGAT_KURANG', 7, [5, 1, 0]],
  ['SANGAT_KURANG', 10, [6, 1, 0]],
  ['SANGAT_KURANG', 11, [7, 2, 0]],
  ['SANGAT_KURANG', 20, [12, 2, 0]],
];

/** A predikat no row of the unit rating mentions: fills the rest of the unit in boundary tests. */
const NEUTRAL: Record<UnitRating, Predikat> = { ISTIMEWA: 'BAIK', BAIK: 'SANGAT_BAIK', BUTUH_PERBAIKAN: 'BAIK', KURANG: 'BAIK', SANGAT_KURANG: 'BAIK' };

describe('checkDistribution', () => {
  it.each(REQUIRED)('%s unit of %i: required counts %j', (unitRating, n, required) => {
    expect(checkDistribution(unitRating, {}, n).rows.map((r) => r.requiredCount)).toEqual(required);
  });

  // Every row at its bound holds, and one person past it breaks it.
  const boundaries = REQUIRED.flatMap(([unitRating, n, required]) =>
    required.flatMap((count, row) => {
      const { bound, predikats, description } = checkDistribution(unitRating, {}, n).rows[row]!;
      const past = bound === 'AT_MOST' ? count + 1 : count - 1;
      const cases: [string, UnitRating, number, number, PredikatCounts, boolean][] = [
        [`${unitRating} n=${n} "${description}" holds at ${count}`, unitRating, n, row, { [predikats[0]!]: count, [NEUTRAL[unitRating]]: n - count }, true],
      ];
      if (past >= 0 && past <= n) {
        cases.push([
          `${unitRating} n=${n} "${description}" breaks at ${past}`,
          unitRating,
          n,
          row,
          { [predikats[0]!]: past, [NEUTRAL[unitRating]]: n - past },
          false,
        ]);
      }
      return cases;
    }),
  );
  it.each(boundaries)('%s', (_title, unitRating, n, row, counts, satisfied) => {
    expect(checkDistribution(unitRating, counts, n).rows[row]!.satisfied).toBe(satisfied);
  });

  it.each<[string, UnitRating, PredikatCounts, boolean]>([
    ['ISTIMEWA, 7 of 10 SANGAT_BAIK', 'ISTIMEWA', { SANGAT_BAIK: 7, BAIK: 3 }, true],
    ['ISTIMEWA, 8 of 10 SANGAT_BAIK', 'ISTIMEWA', { SANGAT_BAIK: 8, BAIK: 2 }, false],
    ['BAIK, 7 BAIK, 2 SANGAT_BAIK, 1 BUTUH_PERBAIKAN', 'BAIK', { BAIK: 7, SANGAT_BAIK: 2, BUTUH_PERBAIKAN: 1 }, true],
    ['BAIK, one KURANG counts as the one', 'BAIK', { BAIK: 7, SANGAT_BAIK: 2, KURANG: 1 }, true],
    ['BAIK, nobody below BAIK', 'BAIK', { BAIK: 7, SANGAT_BAIK: 3 }, false],
    ['KURANG of 3: 2 KURANG, 1 BUTUH_PERBAIKAN', 'KURANG', { KURANG: 2, BUTUH_PERBAIKAN: 1 }, true],
    ['KURANG of 3: 3 KURANG', 'KURANG', { KURANG: 3 }, false],
    ['SANGAT_KURANG of 1', 'SANGAT_KURANG', { SANGAT_KURANG: 1 }, true],
    ['SANGAT_KURANG, one SANGAT_BAIK among 20', 'SANGAT_KURANG', { SANGAT_KURANG: 16, KURANG: 3, SANGAT_BAIK: 1 }, false],
  ])('a fully assessed unit: %s → satisfied %s', (_case, unitRating, counts, satisfied) => {
    expect(checkDistribution(unitRating, counts).satisfied).toBe(satisfied);
  });

  it.each<[UnitRating, string[]]>([
    ['ISTIMEWA', ['at most 70% SANGAT_BAIK']],
    ['BAIK', ['at most 70% BAIK', 'at least one BUTUH_PERBAIKAN or KURANG']],
    ['BUTUH_PERBAIKAN', ['at least 60% BUTUH_PERBAIKAN', 'at most 10% SANGAT_BAIK']],
    ['KURANG', ['at least 60% KURANG', 'at least 10% BUTUH_PERBAIKAN', 'at most 10% SANGAT_BAIK']],
    ['SANGAT_KURANG', ['at least 60% SANGAT_KURANG', 'at least 10% KURANG or BUTUH_PERBAIKAN', 'no SANGAT_BAIK']],
  ])('describes the rule of a %s unit', (unitRating, descriptions) => {
    expect(checkDistribution(unitRating, {}, 10).rows.map((r) => r.description)).toEqual(descriptions);
  });

  it('keeps an unmet minimum reachable while others await assessment', () => {
    const check = checkDistribution('BAIK', { BAIK: 5 }, 10);
    expect(check).toMatchObject({ assessed: 5, headcount: 10, satisfied: false, shortfall: 0 });
    expect(check.rows[1]).toMatchObject({ actualCount: 0, requiredCount: 1, satisfied: false, reachable: true });
  });

  it('sees minimums that are each reachable but not together', () => {
    const check = checkDistribution('KURANG', { KURANG: 5, BAIK: 4 }, 10);
    expect(check.rows.map((r) => r.reachable)).toEqual([true, true, true]);
    expect(check.shortfall).toBe(1);
  });

  it('counts people over a cap in the shortfall', () => {
    expect(checkDistribution('ISTIMEWA', { SANGAT_BAIK: 9 }, 10).shortfall).toBe(2);
  });

  it('requires nothing of an empty unit', () => {
    expect(checkDistribution('BAIK', {}).rows.map((r) => [r.requiredCount, r.satisfied])).toEqual([
      [0, true],
      [0, true],
    ]);
  });

  it('takes the assessed as the unit when the headcount is smaller', () => {
    expect(checkDistribution('ISTIMEWA', { SANGAT_BAIK: 7, BAIK: 3 }, 4).headcount).toBe(10);
  });

  it('names each bad count', () => {
    expect(() => checkDistribution('BAIK', { BAIK: -1, KURANG: 1.5 }, -2)).toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({ field: 'counts.BAIK' }),
          expect.objectContaining({ field: 'counts.KURANG' }),
          expect.objectContaining({ field: 'headcount' }),
        ],
      }),
    );
    expect(() => checkDistribution('BAIK', { BAIK: -1 })).toThrow(ValidationError);
  });
});

describe('wouldBreak', () => {
  it.each<[string, UnitRating, PredikatCounts, Predikat, number | undefined, boolean]>([
    ['the 7th SANGAT_BAIK of 10 in an ISTIMEWA unit', 'ISTIMEWA', { SANGAT_BAIK: 6, BAIK: 3 }, 'SANGAT_BAIK', 10, false],
    ['the 8th SANGAT_BAIK of 10 in an ISTIMEWA unit', 'ISTIMEWA', { SANGAT_BAIK: 7, BAIK: 2 }, 'SANGAT_BAIK', 10, true],
    ['a BAIK after 7 SANGAT_BAIK of 10', 'ISTIMEWA', { SANGAT_BAIK: 7, BAIK: 2 }, 'BAIK', 10, false],
    ['the only employee of an ISTIMEWA unit as SANGAT_BAIK', 'ISTIMEWA', {}, 'SANGAT_BAIK', 1, false],
    ['an early BAIK while the BUTUH_PERBAIKAN may still come', 'BAIK', { BAIK: 3 }, 'BAIK', 10, false],
    ['the last of 10 as SANGAT_BAIK with nobody below BAIK', 'BAIK', { BAIK: 7, SANGAT_BAIK: 2 }, 'SANGAT_BAIK', 10, true],
    ['the last of 10 as BUTUH_PERBAIKAN', 'BAIK', { BAIK: 7, SANGAT_BAIK: 2 }, 'BUTUH_PERBAIKAN', 10, false],
    ['the 8th BAIK of 10', 'BAIK', { BAIK: 7, BUTUH_PERBAIKAN: 1 }, 'BAIK', 10, true],
    ['a first BAIK without a headcount (the assessed are the unit)', 'BAIK', {}, 'BAIK', undefined, true],
    ['a BAIK when 8 of 10 SANGAT_BAIK already broke the cap', 'ISTIMEWA', { SANGAT_BAIK: 8 }, 'BAIK', 10, false],
    ['a 9th SANGAT_BAIK when 8 of 10 already broke the cap', 'ISTIMEWA', { SANGAT_BAIK: 8 }, 'SANGAT_BAIK', 10, true],
    ['a BAIK that leaves too few for the two minimums', 'KURANG', { KURANG: 5, BAIK: 3 }, 'BAIK', 10, true],
    ['a KURANG towards the minimums', 'KURANG', { KURANG: 5, BAIK: 3 }, 'KURANG', 10, false],
    ['a BUTUH_PERBAIKAN towards the minimums', 'KURANG', { KURANG: 5, BAIK: 3 }, 'BUTUH_PERBAIKAN', 10, false],
    ['a SANGAT_BAIK in a SANGAT_KURANG unit', 'SANGAT_KURANG', { SANGAT_KURANG: 3 }, 'SANGAT_BAIK', 5, true],
    ['the only employee of a BUTUH_PERBAIKAN unit as SANGAT_BAIK', 'BUTUH_PERBAIKAN', {}, 'SANGAT_BAIK', 1, true],
    ['the 2nd of 2 as SANGAT_BAIK (60% of 2 is 2)', 'BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 1 }, 'SANGAT_BAIK', 2, true],
    ['the 3rd of 3 as SANGAT_BAIK (60% of 3 is 2)', 'BUTUH_PERBAIKAN', { BUTUH_PERBAIKAN: 2 }, 'SANGAT_BAIK', 3, false],
    ['the 2nd of 2 in a KURANG unit as BUTUH_PERBAIKAN (60% of 2 is 2)', 'KURANG', { KURANG: 1 }, 'BUTUH_PERBAIKAN', 2, true],
    ['the 3rd of 3 in a KURANG unit as BUTUH_PERBAIKAN', 'KURANG', { KURANG: 2 }, 'BUTUH_PERBAIKAN', 3, false],
  ])('%s → %s', (_case, unitRating, counts, added, headcount, breaks) => {
    expect(wouldBreak(unitRating, counts, added, headcount)).toBe(breaks);
  });
});
