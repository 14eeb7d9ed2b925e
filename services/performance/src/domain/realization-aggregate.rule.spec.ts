import { annualRealized, subPeriodTarget } from './realization-aggregate.rule';

describe('realization aggregate', () => {
  it.each([
    ['QUANTITY', [3, 4, 5], 12],
    ['COST', [100, 50], 150],
    ['QUALITY', [80, 90], 85],
    ['TIME', [10, 14, 12], 12],
    ['QUANTITY', [], null],
    ['QUALITY', [], null],
  ] as const)('%s of %p is %p for the year', (aspect, values, expected) => {
    expect(annualRealized(aspect, values)).toBe(expected);
  });

  it.each([
    ['QUANTITY', 'QUARTERLY', 12, 3],
    ['QUANTITY', 'MONTHLY', 12, 1],
    ['COST', 'QUARTERLY', 1000, 250],
    ['QUALITY', 'MONTHLY', 90, 90],
    ['TIME', 'QUARTERLY', 5, 5],
  ] as const)('a %s target in a %s sub-period: %p → %p', (aspect, cadence, target, expected) => {
    expect(subPeriodTarget(aspect, target, cadence)).toBe(expected);
  });
});
