import { compareByFinal, compareBySkd, finalRanking, type RankedCandidate, skbCut } from './ranking.rule';

const candidate = (id: string, skd: [number, number, number], birthDate = '1998-01-01', finalScore: number | null = null): RankedCandidate => ({
  applicationId: id,
  registrationNumber: `REG-${id}`,
  birthDate,
  skd: { twk: skd[0], tiu: skd[1], tkp: skd[2] },
  finalScore,
});

describe('the tie rules', () => {
  it.each([
    // case, first, second (the first must rank above the second)
    ['higher SKD total', candidate('a', [100, 100, 200]), candidate('b', [100, 100, 199])],
    ['same total, higher TKP', candidate('a', [90, 100, 200]), candidate('b', [95, 100, 195])],
    ['same total and TKP, higher TIU', candidate('a', [90, 105, 200]), candidate('b', [95, 100, 200])],
    ['same total, TKP and TIU (so the same TWK): older first', candidate('a', [95, 100, 200], '1990-05-01'), candidate('b', [95, 100, 200], '1990-05-02')],
    ['all equal: the registration number decides', candidate('a', [95, 100, 200]), candidate('b', [95, 100, 200])],
  ])('%s', (_case, first, second) => {
    expect(compareBySkd(first, second)).toBeLessThan(0);
    expect(compareBySkd(second, first)).toBeGreaterThan(0);
  });

  it.each([
    ['higher final score first', candidate('a', [60, 80, 170], '1999-01-01', 80.5), candidate('b', [150, 175, 225], '1980-01-01', 80.4)],
    ['same final score: higher SKD total', candidate('a', [65, 80, 170], '1999-01-01', 80), candidate('b', [65, 80, 169], '1980-01-01', 80)],
    ['same final score and SKD: older first', candidate('a', [65, 80, 170], '1980-01-01', 80), candidate('b', [65, 80, 170], '1999-01-01', 80)],
    ['a final score above none', candidate('a', [0, 0, 45], '1999-01-01', 0), candidate('b', [150, 175, 225], '1980-01-01', null)],
  ])('final ranking: %s', (_case, first, second) => {
    expect(compareByFinal(first, second)).toBeLessThan(0);
  });
});

describe('skbCut', () => {
  const passed = [
    candidate('p1', [100, 100, 200]),
    candidate('p2', [100, 100, 190]),
    candidate('p3', [100, 100, 180]),
    // p4, p5 and p6 share the total 370: p5 and p6 have the higher TKP, p6 is the older
    candidate('p4', [100, 100, 170]),
    candidate('p5', [100, 95, 175]),
    candidate('p6', [100, 95, 175], '1990-01-01'),
    candidate('p7', [65, 80, 166]),
  ];

  it.each([
    // quota, ids going to SKB in rank order
    [1, ['p1', 'p2', 'p3']],
    [2, ['p1', 'p2', 'p3', 'p6', 'p5', 'p4']],
    [3, ['p1', 'p2', 'p3', 'p6', 'p5', 'p4', 'p7']],
    [0, []],
  ])('quota %i sends %p to SKB', (quota, ids) => {
    const placed = skbCut(passed, quota);
    expect(placed.filter((p) => p.within).map((p) => p.candidate.applicationId)).toEqual(ids);
    expect(placed.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('cuts at the multiplier the caller gives', () => {
    expect(skbCut(passed, 2, 2).filter((p) => p.within)).toHaveLength(4);
  });
});

describe('finalRanking', () => {
  it('selects the quota in final order and keeps the rest ranked', () => {
    const placed = finalRanking(
      [candidate('a', [65, 80, 170], '1990-01-01', 70), candidate('b', [65, 80, 170], '1990-01-01', 75), candidate('c', [65, 80, 170], '1980-01-01', 70)],
      1,
    );
    expect(placed.map((p) => [p.candidate.applicationId, p.rank, p.within])).toEqual([
      ['b', 1, true],
      ['c', 2, false],
      ['a', 3, false],
    ]);
  });
});
