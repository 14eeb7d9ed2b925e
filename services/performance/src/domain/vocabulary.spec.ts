import { CORE_VALUES, EXPECTATION_RATINGS, PREDIKATS, UNIT_RATINGS } from './vocabulary';

describe('vocabulary', () => {
  it.each([
    ['BerAKHLAK core value', 7, CORE_VALUES],
    ['predikat', 5, PREDIKATS],
    ['expectation rating', 3, EXPECTATION_RATINGS],
    ['unit rating', 5, UNIT_RATINGS],
  ])('the %s scale has %i distinct values', (_name, size, values) => {
    expect(values).toHaveLength(size);
    expect(new Set(values).size).toBe(size);
  });
});
