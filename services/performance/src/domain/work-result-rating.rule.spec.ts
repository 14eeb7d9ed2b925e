import { ValidationError } from '@kinerja/errors';

import {
  DEFAULT_WORK_RESULT_POLICY,
  indicatorAchievement,
  type IndicatorMeasure,
  proposeWorkResultRating,
  rateAchievement,
  unitHeadWorkResultRating,
  validateWorkResultPolicy,
  type WorkResultMeasure,
} from './work-result-rating.rule';

/** Realized of 10 that gives each rating under the default policy. */
const REALIZED = { A: 11, M: 10, B: 5 } as const;

/** `'AAMb'`: one work result per letter, upper case MAIN, lower case ADDITIONAL; ids r1, r2, … */
function plan(pattern: string): WorkResultMeasure[] {
  return [...pattern].map((letter, i) => ({
    id: `r${i + 1}`,
    kind: letter === letter.toUpperCase() ? 'MAIN' : 'ADDITIONAL',
    indicators: [{ aspect: 'QUANTITY', target: 10, realized: REALIZED[letter.toUpperCase() as keyof typeof REALIZED] }],
  }));
}

function problemFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => p.field);
    throw error;
  }
  return [];
}

describe('indicatorAchievement', () => {
  it.each<[string, IndicatorMeasure, number]>([
    ['on target', { aspect: 'QUANTITY', target: 10, realized: 10 }, 100],
    ['below target', { aspect: 'QUANTITY', target: 10, realized: 9 }, 90],
    ['above target', { aspect: 'QUANTITY', target: 10, realized: 11 }, 110],
    ['far above target, capped', { aspect: 'QUALITY', target: 10, realized: 15 }, 120],
    ['rounded to two decimals', { aspect: 'QUALITY', target: 3, realized: 1 }, 33.33],
    ['nothing reported', { aspect: 'QUANTITY', target: 10, realized: null }, 0],
    ['reported zero', { aspect: 'QUANTITY', target: 10, realized: 0 }, 0],
    ['time on target, lower is better', { aspect: 'TIME', target: 30, realized: 30, lowerIsBetter: true }, 100],
    ['time late, lower is better', { aspect: 'TIME', target: 30, realized: 33, lowerIsBetter: true }, 90.91],
    ['time early, lower is better', { aspect: 'TIME', target: 30, realized: 27, lowerIsBetter: true }, 111.11],
    ['cost nothing spent, lower is better', { aspect: 'COST', target: 100, realized: 0, lowerIsBetter: true }, 120],
    ['cost not reported, lower is better', { aspect: 'COST', target: 100, realized: null, lowerIsBetter: true }, 0],
    ['time counted upward', { aspect: 'TIME', target: 12, realized: 12 }, 100],
  ])('%s → %d%%', (_case, indicator, achievement) => {
    expect(indicatorAchievement(indicator)).toBe(achievement);
  });
});

describe('rateAchievement (default 90 / 110)', () => {
  it.each([
    [0, 'BELOW'],
    [89.99, 'BELOW'],
    [90, 'MEETS'],
    [100, 'MEETS'],
    [109.99, 'MEETS'],
    [110, 'ABOVE'],
    [120, 'ABOVE'],
  ])('%d%% → %s', (achievement, rating) => {
    expect(rateAchievement(achievement)).toBe(rating);
  });

  it('follows an agency policy', () => {
    const policy = { ...DEFAULT_WORK_RESULT_POLICY, meetsFromPercent: 100, aboveFromPercent: 105 };
    expect([rateAchievement(99.99, policy), rateAchievement(100, policy), rateAchievement(105, policy)]).toEqual(['BELOW', 'MEETS', 'ABOVE']);
  });
});

describe('proposeWorkResultRating', () => {
  it.each([
    ['A', 'ABOVE', 'the only result above'],
    ['AAA', 'ABOVE', 'all above'],
    ['AAM', 'ABOVE', 'most above, none below'],
    ['AAb', 'ABOVE', 'an ADDITIONAL result below does not stop ABOVE'],
    ['Aab', 'ABOVE', 'most above counts ADDITIONAL results too'],
    ['AAMM', 'MEETS', 'half above is not most'],
    ['Ammm', 'MEETS', 'one above of four'],
    ['M', 'MEETS', 'the only result meets'],
    ['MMb', 'MEETS', 'most meet'],
    ['AAAAB', 'MEETS', '1 of 5 MAIN below = 20%: MEETS, not ABOVE'],
    ['MMMMMMMMBB', 'MEETS', '2 of 10 MAIN below = 20%'],
    ['AAAB', 'BELOW', '1 of 4 MAIN below = 25%'],
    ['MMMBB', 'BELOW', '2 of 5 MAIN below = 40%'],
    ['MMMMMMMBBB', 'BELOW', '3 of 10 MAIN below = 30%'],
    ['Mbb', 'BELOW', 'most below'],
    ['MMBB', 'BELOW', 'half below is not most meeting'],
    ['B', 'BELOW', 'the only result below'],
    ['BBB', 'BELOW', 'all below'],
  ])('%s → %s (%s)', (pattern, proposal) => {
    expect(proposeWorkResultRating(plan(pattern)).proposal).toBe(proposal);
  });

  it('lets the agency widen the small share of MAIN results below', () => {
    const policy = { ...DEFAULT_WORK_RESULT_POLICY, mainBelowMaxPercentForMeets: 25 };
    expect(proposeWorkResultRating(plan('AAAB'), policy).proposal).toBe('MEETS');
  });

  it('returns each result rated and the MAIN results below as gaps', () => {
    const { results, gaps } = proposeWorkResultRating(plan('ABMbB'));
    expect(results.map((r) => r.rating)).toEqual(['ABOVE', 'BELOW', 'MEETS', 'BELOW', 'BELOW']);
    expect(gaps).toEqual(['r2', 'r5']);
  });

  it.each([
    ['a capped runaway indicator still lifts an on-target one', [15, 10], 110, 'ABOVE'],
    ['a capped runaway indicator does not hide a missed one', [15, 7], 95, 'MEETS'],
    ['a missed indicator pulls the result down', [10, 10, 5], 83.33, 'BELOW'],
  ])('averages the indicators of a result: %s', (_case, realized, achievement, rating) => {
    const indicators = realized.map((r): IndicatorMeasure => ({ aspect: 'QUANTITY', target: 10, realized: r }));
    const [result] = proposeWorkResultRating([{ id: 'r1', kind: 'MAIN', indicators }]).results;
    expect(result).toMatchObject({ achievement, rating });
  });

  it('names every unmeasurable input at once', () => {
    const fields = problemFields(() =>
      proposeWorkResultRating([
        { id: 'r1', kind: 'ADDITIONAL', indicators: [] },
        {
          id: 'r2',
          kind: 'ADDITIONAL',
          indicators: [
            { aspect: 'QUANTITY', target: 0, realized: 1 },
            { aspect: 'QUANTITY', target: -5, realized: -1 },
            { aspect: 'QUALITY', target: Number.NaN, realized: 1, lowerIsBetter: true },
          ],
        },
      ]),
    );
    expect(fields).toEqual([
      'workResults',
      'workResults[0].indicators',
      'workResults[1].indicators[0].target',
      'workResults[1].indicators[1].target',
      'workResults[1].indicators[1].realized',
      'workResults[1].indicators[2].target',
      'workResults[1].indicators[2].lowerIsBetter',
    ]);
  });
});

describe('unitHeadWorkResultRating', () => {
  it.each([
    ['ISTIMEWA', 'ABOVE'],
    ['BAIK', 'MEETS'],
    ['BUTUH_PERBAIKAN', 'BELOW'],
    ['KURANG', 'BELOW'],
    ['SANGAT_KURANG', 'BELOW'],
  ] as const)('a head of a unit rated %s works %s expectation', (unitRating, rating) => {
    expect(unitHeadWorkResultRating(unitRating)).toBe(rating);
  });
});

describe('validateWorkResultPolicy', () => {
  it('accepts the defaults', () => {
    expect(validateWorkResultPolicy({ ...DEFAULT_WORK_RESULT_POLICY })).toEqual(DEFAULT_WORK_RESULT_POLICY);
  });

  it.each([
    ['meets not above 0', { meetsFromPercent: 0 }, ['meetsFromPercent']],
    ['above not above meets', { aboveFromPercent: 90 }, ['aboveFromPercent']],
    ['cap below above', { achievementCapPercent: 105 }, ['achievementCapPercent']],
    ['share over 100', { mainBelowMaxPercentForMeets: 101 }, ['mainBelowMaxPercentForMeets']],
    ['share negative', { mainBelowMaxPercentForMeets: -1 }, ['mainBelowMaxPercentForMeets']],
  ])('refuses %s', (_case, change, fields) => {
    expect(problemFields(() => validateWorkResultPolicy({ ...DEFAULT_WORK_RESULT_POLICY, ...change }))).toEqual(fields);
  });
});
