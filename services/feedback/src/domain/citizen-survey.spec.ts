import { ValidationError } from '@kinerja/errors';

import { monthOf, monthRangeOf, parseSurvey } from './citizen-survey';
import { IKM_ELEMENTS } from './ikm.rule';

const all = (score: number) => IKM_ELEMENTS.map((element) => ({ element, score }));
const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof ValidationError ? error.field : `not a validation error: ${String(error)}`;
  }
  return undefined;
};

describe('parseSurvey', () => {
  it.each([
    ['all nine answered', all(3), null, undefined],
    ['a score of 0', all(3).map((a) => (a.element === 'COST' ? { ...a, score: 0 } : a)), null, 'answers.COST'],
    ['a score of 5', all(3).map((a) => (a.element === 'FACILITIES' ? { ...a, score: 5 } : a)), null, 'answers.FACILITIES'],
    ['a fraction', all(3).map((a) => (a.element === 'PRODUCT' ? { ...a, score: 2.5 } : a)), null, 'answers.PRODUCT'],
    ['a missing element', all(3).filter((a) => a.element !== 'SERVICE_TIME'), null, 'answers.SERVICE_TIME'],
    ['an element twice', [...all(3), { element: 'PROCEDURE', score: 2 }], null, 'answers.PROCEDURE'],
    ['an unknown element', [...all(3), { element: 'PARKING', score: 2 }], null, 'answers.PARKING'],
    ['a comment at the limit', all(4), 'x'.repeat(10), undefined],
    ['a comment over the limit', all(4), 'x'.repeat(11), 'comment'],
  ])('%s', (_case, answers, comment, field) => {
    expect(fieldOf(() => parseSurvey(answers, comment, 10))).toBe(field);
  });

  it('keeps the scores and drops a blank comment', () => {
    expect(parseSurvey(all(2), '   ', 10)).toEqual({ scores: Object.fromEntries(IKM_ELEMENTS.map((e) => [e, 2])), comment: null });
    expect(parseSurvey(all(2), ' ramah ', 10).comment).toBe('ramah');
  });
});

describe('monthRangeOf', () => {
  it.each([
    ['2026', { from: '2026-01', to: '2026-12' }],
    ['2026-Q1', { from: '2026-01', to: '2026-03' }],
    ['2026-Q4', { from: '2026-10', to: '2026-12' }],
    ['2026-07', { from: '2026-07', to: '2026-07' }],
    ['2026-13', null],
    ['2026-Q5', null],
    ['26', null],
    ['2026-7', null],
    ['', null],
  ])('%s', (period, expected) => {
    expect(monthRangeOf(period)).toEqual(expected);
  });

  it('puts an answer in the month of its day', () => {
    expect(monthOf('2026-03-31')).toBe('2026-03');
  });
});
