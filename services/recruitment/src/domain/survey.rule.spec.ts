import { surveyAnswerProblems, surveyOpen } from './survey.rule';

describe('surveyAnswerProblems', () => {
  it.each([
    ['five ratings in range', [1, 2, 3, 4, 4], null, []],
    ['with a comment', [4, 4, 4, 4, 4], 'Terima kasih', []],
    ['four ratings', [4, 4, 4, 4], null, ['input.ratings']],
    ['six ratings', [4, 4, 4, 4, 4, 4], null, ['input.ratings']],
    ['a zero', [0, 4, 4, 4, 4], null, ['input.ratings[0]']],
    ['a five', [4, 4, 5, 4, 4], null, ['input.ratings[2]']],
    ['a fraction', [4, 4, 4, 3.5, 4], null, ['input.ratings[3]']],
    ['a long comment', [4, 4, 4, 4, 4], 'x'.repeat(501), ['input.comment']],
    ['several problems at once', [9, 4, 4, 4], 'x'.repeat(501), ['input.ratings', 'input.ratings[0]', 'input.comment']],
  ])('%s', (_name, ratings, comment, fields) => {
    expect(surveyAnswerProblems(ratings, comment).map((p) => p.field)).toEqual(fields);
  });
});

describe('surveyOpen', () => {
  it.each([
    [[], false],
    [[{ stage: 'ADMINISTRATION' }, { stage: 'SKD' }], false],
    [[{ stage: 'ADMINISTRATION' }, { stage: 'SKD' }, { stage: 'FINAL' }], true],
  ] as const)('%j → %s', (announced, expected) => {
    expect(surveyOpen(announced)).toBe(expected);
  });
});
