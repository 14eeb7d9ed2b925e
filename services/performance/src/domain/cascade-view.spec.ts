import { cascadeViewOf } from './cascade-view';
import type { Indicator, WorkResult } from './plan';

const parent: WorkResult = { id: 'w', planId: 'p', kind: 'MAIN', title: 'Meningkatkan layanan', position: 0, cascadedFromWorkResultId: null };
const indicator = (id: string, workResultId: string, position: number): Indicator => ({
  id,
  workResultId,
  aspect: 'QUANTITY',
  description: `Indikator ${id}`,
  target: 12,
  unit: 'dokumen',
  lowerIsBetter: false,
  position,
});

describe('what a cascaded RHK shows of its source', () => {
  it.each<[string, Indicator[], string[]]>([
    ['no indicators', [], []],
    ['its own indicators in order', [indicator('b', 'w', 1), indicator('a', 'w', 0)], ['a', 'b']],
    ['never indicators of another RHK', [indicator('a', 'w', 0), indicator('x', 'other', 0)], ['a']],
  ])('%s', (_case, indicators, expected) => {
    expect(cascadeViewOf(parent, indicators).indicators.map((i) => i.id)).toEqual(expected);
  });

  it('carries the title and the targets, and nothing of the plan, its realizations or evidence', () => {
    const view = cascadeViewOf(parent, [{ ...indicator('a', 'w', 0), realizations: [{ value: 3 }] } as Indicator]);
    expect(view).toEqual({
      id: 'w',
      kind: 'MAIN',
      title: 'Meningkatkan layanan',
      indicators: [{ id: 'a', aspect: 'QUANTITY', description: 'Indikator a', target: 12, unit: 'dokumen', lowerIsBetter: false }],
    });
  });
});
