import { ConflictError, ValidationError } from '@kinerja/errors';

import { assertAcceptsAnswers, cycleDueDate, type FeedbackCycle, sumsOfAnswers } from './feedback-cycle';
import { DEFAULT_QUESTIONNAIRE } from './questionnaire';

const items = DEFAULT_QUESTIONNAIRE.slice(0, 4);
const all = (score: number) => items.map((item) => ({ itemCode: item.code, score }));
const fieldOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof ValidationError ? error.field : String(error);
  }
  return undefined;
};

describe('sumsOfAnswers', () => {
  it('adds up the answers per value for the group', () => {
    expect(sumsOfAnswers(items, 'PEER', [...all(4).slice(0, 3), { itemCode: 'AK-2', score: 2 }])).toEqual([
      { group: 'PEER', value: 'BERORIENTASI_PELAYANAN', sum: 8, count: 2 },
      { group: 'PEER', value: 'AKUNTABEL', sum: 6, count: 2 },
    ]);
  });

  it.each([
    ['a score of 0', [...all(3).slice(0, 3), { itemCode: 'AK-2', score: 0 }], 'answers.AK-2'],
    ['a score of 6', [{ itemCode: 'BP-1', score: 6 }, ...all(3).slice(1)], 'answers.BP-1'],
    ['a fraction', [{ itemCode: 'BP-1', score: 3.5 }, ...all(3).slice(1)], 'answers.BP-1'],
    ['a missing item', all(3).slice(0, 3), 'answers.AK-2'],
    ['an item answered twice', [...all(3), { itemCode: 'BP-2', score: 3 }], 'answers.BP-2'],
    ['an unknown item', [...all(3), { itemCode: 'XX-9', score: 3 }], 'answers.4.itemCode'],
  ])('refuses %s, naming the item', (_case, answers, field) => {
    expect(fieldOf(() => sumsOfAnswers(items, 'PEER', answers))).toBe(field);
  });
});

describe('the cycle calendar', () => {
  const cycle = { status: 'OPEN', dueDate: '2027-03-15' } as FeedbackCycle;
  it.each([
    ['2027-03-15', undefined],
    ['2027-03-16', ConflictError],
  ])('on %s answers are %s', (today, error) => {
    if (error) expect(() => assertAcceptsAnswers(cycle, today)).toThrow(error);
    else expect(() => assertAcceptsAnswers(cycle, today)).not.toThrow();
  });
  it('refuses answers to a closed cycle', () => expect(() => assertAcceptsAnswers({ ...cycle, status: 'CLOSED' }, '2027-03-01')).toThrow(ConflictError));
  it('defaults the due date to two weeks and refuses one in the past', () => {
    expect(cycleDueDate(null, '2027-03-01')).toBe('2027-03-15');
    expect(fieldOf(() => cycleDueDate('2027-02-28', '2027-03-01'))).toBe('dueDate');
  });
});
