import type { Indicator, WorkResult } from './plan';
import { measuresOf, proposeForPlan } from './plan-measures';
import type { Realization } from './realization';

const workResults: WorkResult[] = [
  { id: 'w1', planId: 'p', kind: 'MAIN', title: 'Laporan', position: 1, cascadedFromWorkResultId: null },
  { id: 'w2', planId: 'p', kind: 'MAIN', title: 'Arsip', position: 2, cascadedFromWorkResultId: null },
];
const indicators: Indicator[] = [
  { id: 'i1', workResultId: 'w1', aspect: 'QUANTITY', description: 'Laporan', target: 12, unit: 'dok', lowerIsBetter: false, position: 1 },
  { id: 'i2', workResultId: 'w2', aspect: 'QUALITY', description: 'Mutu arsip', target: 90, unit: '%', lowerIsBetter: false, position: 1 },
];
const realization = (indicatorId: string, subPeriodId: string, value: number): Realization => ({
  id: `${indicatorId}-${subPeriodId}`,
  indicatorId,
  planId: 'p',
  subPeriodId,
  value,
  evidenceUrl: 'https://x',
  note: null,
  late: false,
  reportedAt: new Date(),
});
const realizations = [realization('i1', 'q1', 3), realization('i1', 'q2', 3), realization('i2', 'q1', 80), realization('i2', 'q2', 100)];

describe('measuring a plan', () => {
  it('adds the quarters up for the year: quantities sum, levels average', () => {
    const measures = measuresOf(workResults, indicators, realizations, { id: 'y', kind: 'ANNUAL' });
    expect(measures.map((m) => m.indicators[0])).toEqual([
      { aspect: 'QUANTITY', target: 12, realized: 6, lowerIsBetter: false },
      { aspect: 'QUALITY', target: 90, realized: 90, lowerIsBetter: false },
    ]);
  });

  it('measures a quarter against its share of a quantity target', () => {
    const measures = measuresOf(workResults, indicators, realizations, { id: 'q2', kind: 'QUARTERLY' });
    expect(measures.map((m) => m.indicators[0])).toEqual([
      { aspect: 'QUANTITY', target: 3, realized: 3, lowerIsBetter: false },
      { aspect: 'QUALITY', target: 90, realized: 100, lowerIsBetter: false },
    ]);
  });

  it('names the MAIN results rated BELOW with their titles', () => {
    expect(proposeForPlan(workResults, indicators, realizations, { id: 'y', kind: 'ANNUAL' })).toMatchObject({
      proposal: 'BELOW',
      workResultGaps: [{ workResultId: 'w1', title: 'Laporan' }],
    });
    expect(proposeForPlan(workResults, indicators, realizations, { id: 'q2', kind: 'QUARTERLY' })).toMatchObject({ proposal: 'MEETS', workResultGaps: [] });
  });

  it('counts a realization reported without evidence like any other (evidenceMissing flags it for the supervisor)', () => {
    const unbacked = realizations.map((r) => ({ ...r, evidenceUrl: null }));
    expect(measuresOf(workResults, indicators, unbacked, { id: 'y', kind: 'ANNUAL' })).toEqual(
      measuresOf(workResults, indicators, realizations, { id: 'y', kind: 'ANNUAL' }),
    );
  });
});
