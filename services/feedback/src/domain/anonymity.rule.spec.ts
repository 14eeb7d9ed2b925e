import { completedAggregate, isGroupShown, type ScoreSum, shownAverages } from './anonymity.rule';
import type { RaterGroup } from './vocabulary';

describe('isGroupShown', () => {
  it.each<[RaterGroup, number, boolean]>([
    ['PEER', 0, false],
    ['PEER', 2, false],
    ['PEER', 3, true],
    ['PEER', 7, true],
    ['SUBORDINATE', 2, false],
    ['SUBORDINATE', 3, true],
    ['SUPERVISOR', 1, true],
    ['SUPERVISOR', 0, false],
    ['SELF', 1, true],
  ])('%s with %i answered → %s', (group, answered, shown) => expect(isGroupShown(group, answered)).toBe(shown));
});

const sums: ScoreSum[] = [
  { group: 'PEER', value: 'KOLABORATIF', sum: 24, count: 6 },
  { group: 'SUPERVISOR', value: 'KOLABORATIF', sum: 6, count: 2 },
  { group: 'SELF', value: 'KOLABORATIF', sum: 10, count: 2 },
  { group: 'SUBORDINATE', value: 'KOLABORATIF', sum: 4, count: 4 },
];

describe('shownAverages', () => {
  it.each<[string, [RaterGroup, number][], string[]]>([
    [
      'three peers answered: peers shown, two subordinates hidden',
      [
        ['PEER', 3],
        ['SUPERVISOR', 1],
        ['SELF', 1],
        ['SUBORDINATE', 2],
      ],
      ['SUPERVISOR 3', 'PEER 4', 'SELF 5'],
    ],
    [
      'two peers answered: no peer aggregate',
      [
        ['PEER', 2],
        ['SUPERVISOR', 1],
        ['SUBORDINATE', 2],
      ],
      ['SUPERVISOR 3'],
    ],
  ])('%s', (_case, answered, expected) => {
    expect(shownAverages(sums, new Map(answered)).map((a) => `${a.group} ${a.average}`)).toEqual(expected);
  });
});

describe('completedAggregate', () => {
  it.each<[string, [RaterGroup, number][], number | null, number]>([
    [
      'supervisor and three peers: (6 + 24) / 8',
      [
        ['PEER', 3],
        ['SUPERVISOR', 1],
        ['SELF', 1],
      ],
      3.75,
      4,
    ],
    [
      'supervisor alone (peers hidden): no average',
      [
        ['PEER', 2],
        ['SUPERVISOR', 1],
        ['SELF', 1],
      ],
      null,
      0,
    ],
    ['nobody answered', [], null, 0],
  ])('%s', (_case, answered, average, responses) => {
    expect(completedAggregate(['KOLABORATIF'], sums, new Map(answered))).toEqual([{ value: 'KOLABORATIF', average, responses }]);
  });
});
