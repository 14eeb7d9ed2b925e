import type { WorkResultGap } from './assessment';
import type { WorkResult } from './plan';
import type { ExpectationRating } from './vocabulary';
import { decidedWorkResultGaps } from './work-result-gaps.rule';

const results: Pick<WorkResult, 'id' | 'kind' | 'title'>[] = [
  { id: 'm1', kind: 'MAIN', title: 'Laporan' },
  { id: 'm2', kind: 'MAIN', title: 'Arsip' },
  { id: 'a1', kind: 'ADDITIONAL', title: 'Panitia' },
];
const gap = (id: string): WorkResultGap => ({ workResultId: id, title: results.find((r) => r.id === id)!.title });

describe('work-result gaps follow the supervisor’s decision', () => {
  it.each<[string, ExpectationRating, WorkResultGap[], string[] | null, string[] | string]>([
    ['ABOVE against a proposal of BELOW: no gap', 'ABOVE', [gap('m1'), gap('m2')], null, []],
    ['ABOVE with nothing measured below', 'ABOVE', [], null, []],
    ['MEETS keeps the MAIN results measured below', 'MEETS', [gap('m2')], null, ['m2']],
    ['MEETS with nothing measured below', 'MEETS', [], null, []],
    ['BELOW keeps the MAIN results measured below', 'BELOW', [gap('m1')], null, ['m1']],
    ['BELOW against a proposal without gaps: every MAIN result', 'BELOW', [], null, ['m1', 'm2']],
    ['named results, in plan order', 'BELOW', [gap('m1')], ['a1', 'm2', 'm2'], ['m2', 'a1']],
    ['MEETS naming none', 'MEETS', [gap('m2')], [], []],
    ['ABOVE naming an ADDITIONAL result', 'ABOVE', [], ['a1'], ['a1']],
    ['ABOVE naming a MAIN result', 'ABOVE', [], ['m1'], 'BAD_USER_INPUT'],
    ['naming a result of another plan', 'BELOW', [], ['zz'], 'BAD_USER_INPUT'],
  ])('%s', (_case, decided, measured, named, expected) => {
    const facts = { decided, measured, workResults: results, named };
    if (typeof expected === 'string') {
      expect(() => decidedWorkResultGaps(facts)).toThrow(
        expect.objectContaining({ code: expected, problems: [expect.objectContaining({ field: 'input.belowWorkResultIds' })] }),
      );
    } else {
      expect(decidedWorkResultGaps(facts).map((g) => g.workResultId)).toEqual(expected);
    }
  });

  it('names each gap with its title', () => {
    expect(decidedWorkResultGaps({ decided: 'BELOW', measured: [], workResults: results, named: null })).toEqual([gap('m1'), gap('m2')]);
  });
});
