import { predikatDistribution } from './predikat-distribution';

describe('predikatDistribution', () => {
  it('shows shares of the headcount to one decimal, the rule rows beside them', () => {
    const view = predikatDistribution('BAIK', { BAIK: 2, BUTUH_PERBAIKAN: 1 }, 3);
    expect(view.shares.filter((s) => s.count > 0)).toEqual([
      { predikat: 'BAIK', count: 2, percent: 66.7 },
      { predikat: 'BUTUH_PERBAIKAN', count: 1, percent: 33.3 },
    ]);
    expect(view.check?.rows.map((r) => [r.description, r.requiredCount, r.satisfied])).toEqual([
      ['at most 70% BAIK', 2, true],
      ['at least one BUTUH_PERBAIKAN or KURANG', 1, true],
    ]);
  });

  it('counts the assessed when the copy knows fewer employees than were assessed', () => {
    expect(predikatDistribution('ISTIMEWA', { SANGAT_BAIK: 2 }, 1)).toMatchObject({ headcount: 2, assessed: 2 });
  });

  it('has no rule to check before the unit is rated, and no division by zero', () => {
    expect(predikatDistribution(null, {}, 0)).toMatchObject({ unitRating: null, headcount: 0, check: null });
    expect(predikatDistribution(null, {}, 0).shares.every((s) => s.percent === 0)).toBe(true);
  });
});
