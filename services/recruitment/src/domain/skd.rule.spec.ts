import { DEFAULT_PASS_MARKS, passMarkProblems, SKD_MAXIMUM, skdOutcome, skdScoreProblems } from './skd.rule';

describe('skdScoreProblems', () => {
  it.each([[{ twk: 0, tiu: 0, tkp: 45 }], [{ twk: 150, tiu: 175, tkp: 225 }], [{ twk: 65, tiu: 80, tkp: 166 }], [{ twk: 5, tiu: 170, tkp: 167 }]])(
    'accepts %p',
    (scores) => {
      expect(skdScoreProblems(scores)).toEqual([]);
    },
  );

  it.each([
    ['TWK not a multiple of 5', { twk: 67, tiu: 80, tkp: 166 }, ['twk']],
    ['TIU not a multiple of 5', { twk: 65, tiu: 81, tkp: 166 }, ['tiu']],
    ['TWK above 150', { twk: 155, tiu: 80, tkp: 166 }, ['twk']],
    ['TIU above 175', { twk: 65, tiu: 180, tkp: 166 }, ['tiu']],
    ['TWK negative', { twk: -5, tiu: 80, tkp: 166 }, ['twk']],
    ['TKP below 45', { twk: 65, tiu: 80, tkp: 44 }, ['tkp']],
    ['TKP above 225', { twk: 65, tiu: 80, tkp: 226 }, ['tkp']],
    ['a fraction', { twk: 65, tiu: 80, tkp: 166.5 }, ['tkp']],
    ['not a number', { twk: Number.NaN, tiu: 80, tkp: 166 }, ['twk']],
    ['all three', { twk: 151, tiu: 3, tkp: 0 }, ['twk', 'tiu', 'tkp']],
  ])('refuses %s', (_case, scores, fields) => {
    expect(skdScoreProblems(scores).map((problem) => problem.field)).toEqual(fields);
  });
});

describe('skdOutcome', () => {
  it.each([
    // scores, total, passed, below
    [{ twk: 65, tiu: 80, tkp: 166 }, 311, true, []],
    [{ twk: 60, tiu: 80, tkp: 166 }, 306, false, ['twk']],
    [{ twk: 65, tiu: 75, tkp: 166 }, 306, false, ['tiu']],
    [{ twk: 65, tiu: 80, tkp: 165 }, 310, false, ['tkp']],
    [{ twk: 150, tiu: 175, tkp: 165 }, 490, false, ['tkp']],
    [{ twk: 0, tiu: 0, tkp: 45 }, 45, false, ['twk', 'tiu', 'tkp']],
    [{ twk: 150, tiu: 175, tkp: 225 }, SKD_MAXIMUM, true, []],
  ])('%p: total %i, passed %s, below %p', (scores, total, passed, below) => {
    expect(skdOutcome(scores)).toEqual({ total, passed, below });
  });

  it('uses the pass marks the selection set', () => {
    expect(skdOutcome({ twk: 60, tiu: 80, tkp: 166 }, { ...DEFAULT_PASS_MARKS, twk: 60 }).passed).toBe(true);
    expect(skdOutcome({ twk: 65, tiu: 80, tkp: 166 }, { twk: 70, tiu: 80, tkp: 166 }).below).toEqual(['twk']);
  });
});

describe('passMarkProblems', () => {
  it('accepts the national marks and refuses marks nobody can reach', () => {
    expect(passMarkProblems(DEFAULT_PASS_MARKS)).toEqual([]);
    expect(passMarkProblems({ twk: 151, tiu: -1, tkp: 30 }).map((problem) => problem.field)).toEqual(['twk', 'tiu', 'tkp']);
  });
});
