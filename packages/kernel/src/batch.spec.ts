import { groupedBy, orderedBy, unique } from './batch';

const rows = [
  { id: 'b', group: 'x' },
  { id: 'a', group: 'y' },
  { id: 'c', group: 'x' },
];

describe('batched reads', () => {
  it.each([
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    [
      ['b', 'missing', 'a'],
      ['b', undefined, 'a'],
    ],
    [[], []],
  ])('orderedBy(%p) answers in the order of the keys', (keys, expected) => {
    expect(orderedBy(keys, rows, (row) => row.id).map((row) => row?.id)).toEqual(expected);
  });

  it('groupedBy answers every key, empty where nothing matched', () => {
    expect(groupedBy(['x', 'z', 'y'], rows, (row) => row.group).map((group) => group.map((row) => row.id))).toEqual([['b', 'c'], [], ['a']]);
  });

  it('unique keeps the first of each', () => {
    expect(unique(['a', 'b', 'a'])).toEqual(['a', 'b']);
  });
});
