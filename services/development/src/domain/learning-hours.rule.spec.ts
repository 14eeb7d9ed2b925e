import { ConflictError, ValidationError } from '@kinerja/errors';

import { assertWithinCap, belowEntitlement, exceedsCap, learningHoursSummary } from './learning-hours.rule';

describe('learningHoursSummary', () => {
  it.each([
    // type, completed, latsar done, required, remaining, cap, latsar pending, below
    ['PNS', 0, false, 20, 20, null, false, true],
    ['PNS', 19, false, 20, 1, null, false, true],
    ['PNS', 20, false, 20, 0, null, false, false],
    ['PNS', 36, false, 20, 0, null, false, false],
    ['PNS', 19.5, false, 20, 0.5, null, false, true],
    ['CPNS', 12, false, 20, 8, null, true, true],
    ['CPNS', 20, false, 20, 0, null, true, false],
    ['CPNS', 20, true, 20, 0, null, false, false],
    ['PPPK', 0, false, 0, 0, 24, false, false],
    ['PPPK', 24, false, 0, 0, 24, false, false],
  ] as const)(
    '%s with %p JP (Latsar done: %s): required %i, remaining %p, cap %p, Latsar pending %s, below %s',
    (employmentType, completedJp, latsarCompleted, required, remaining, cap, latsarPending, below) => {
      const summary = learningHoursSummary({ employmentType, completedJp, year: 2025, latsarCompleted });
      expect(summary).toEqual({ year: 2025, completed: completedJp, required, remaining, cap, latsarPending });
      expect(belowEntitlement(summary)).toBe(below);
    },
  );

  it('takes the numbers from the policy', () => {
    expect(learningHoursSummary({ employmentType: 'PNS', completedJp: 20, year: 2025 }, { pnsRequiredJp: 40, pppkCapJp: 24 }).remaining).toBe(20);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p completed JP', (completedJp) => {
    expect(() => learningHoursSummary({ employmentType: 'PNS', completedJp, year: 2025 })).toThrow(ValidationError);
  });
});

describe('the PPPK cap', () => {
  it.each([
    ['PPPK', 0, 24, false],
    ['PPPK', 16, 8, false],
    ['PPPK', 17, 8, true],
    ['PPPK', 24, 1, true],
    ['PPPK', 0, 25, true],
    ['PNS', 200, 300, false],
    ['CPNS', 0, 300, false],
  ] as const)('%s with %i JP committed, adding %i JP, exceeds: %s', (employmentType, committedJp, addedJp, exceeds) => {
    const check = { employmentType, committedJp, addedJp };
    expect(exceedsCap(check)).toBe(exceeds);
    if (exceeds) expect(() => assertWithinCap(check)).toThrow(ConflictError);
    else expect(() => assertWithinCap(check)).not.toThrow();
  });

  it('reports the numbers with the refusal', () => {
    expect(() => assertWithinCap({ employmentType: 'PPPK', committedJp: 20, addedJp: 8 })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', details: { cap: 24, committedJp: 20, addedJp: 8 } }),
    );
  });

  it('follows a changed cap', () => {
    expect(exceedsCap({ employmentType: 'PPPK', committedJp: 24, addedJp: 8 }, { pnsRequiredJp: 20, pppkCapJp: 32 })).toBe(false);
  });
});
