import { DEFAULT_SCORING, finalScores, scoringPolicyProblems } from './final-score.rule';

describe('finalScores (40 % SKD + 60 % SKB)', () => {
  it.each([
    // skd total, skb, interview, final (percent of maximum: SKD of 550, SKB of 100)
    [550, 100, null, 100],
    [0, 0, null, 0],
    [275, 50, null, 50],
    [311, 80, null, 70.62],
    [440, 60, null, 68],
    [550, 0, null, 40],
    [0, 100, null, 60],
  ])('SKD %i, SKB %i: %p', (skdTotal, skbScore, interviewScore, final) => {
    expect(finalScores([{ skdTotal, skbScore, interviewScore }])).toEqual([final]);
  });

  it('normalises the SKB to its maximum', () => {
    expect(finalScores([{ skdTotal: 275, skbScore: 250, interviewScore: null }], { ...DEFAULT_SCORING, skbMaximum: 500 })).toEqual([50]);
  });

  it('weights the interview inside the SKB as the selection sets it', () => {
    const policy = { ...DEFAULT_SCORING, interviewWeight: 0.25 };
    // SKB = 0.75 × 80 + 0.25 × 60 = 75; final = 0.4 × 50 + 0.6 × 75 = 65
    expect(finalScores([{ skdTotal: 275, skbScore: 80, interviewScore: 60 }], policy)).toEqual([65]);
    expect(finalScores([{ skdTotal: 275, skbScore: 80, interviewScore: null }], policy)).toEqual([56]);
  });

  it('normalises to the highest score of the formation when the selection says so', () => {
    const policy = { ...DEFAULT_SCORING, method: 'PERCENT_OF_HIGHEST' as const };
    const scores = finalScores(
      [
        { skdTotal: 400, skbScore: 80, interviewScore: null },
        { skdTotal: 300, skbScore: 40, interviewScore: null },
      ],
      policy,
    );
    // first: 0.4 × 100 + 0.6 × 100; second: 0.4 × 75 + 0.6 × 50
    expect(scores).toEqual([100, 60]);
  });

  it('answers nothing for nobody', () => {
    expect(finalScores([])).toEqual([]);
  });
});

describe('scoringPolicyProblems', () => {
  it.each([
    [{ ...DEFAULT_SCORING }, []],
    [{ ...DEFAULT_SCORING, skbMaximum: 0 }, ['skbMaximum']],
    [{ ...DEFAULT_SCORING, interviewWeight: 1.5 }, ['interviewWeight']],
    [{ ...DEFAULT_SCORING, skdWeight: -0.1 }, ['skdWeight']],
  ])('%p', (policy, fields) => {
    expect(scoringPolicyProblems(policy).map((p) => p.field)).toEqual(fields);
  });
});
