import { ConflictError, ValidationError } from '@kinerja/errors';
import { DomainError } from '@kinerja/errors';

import { assertAcceptsAnswers, cycleDueDate, dueDateOnOpening, type FeedbackCycle, raterToAdd, raterToRemove, sumsOfAnswers } from './feedback-cycle';
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
  it('refuses answers to a draft, naming why', () =>
    expect(() => assertAcceptsAnswers({ ...cycle, status: 'DRAFT' }, '2027-03-01')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'CYCLE_NOT_OPEN' }) }),
    ));
  it('refuses answers to a closed cycle', () => expect(() => assertAcceptsAnswers({ ...cycle, status: 'CLOSED' }, '2027-03-01')).toThrow(ConflictError));
  it('defaults the due date to two weeks and refuses one in the past', () => {
    expect(cycleDueDate(null, '2027-03-01')).toBe('2027-03-15');
    expect(fieldOf(() => cycleDueDate('2027-02-28', '2027-03-01'))).toBe('dueDate');
  });
});

/** The code and what it names (a field, or a reason) of what the work throws; null when it does not throw. */
const refusalOf = (work: () => unknown): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return `BAD_USER_INPUT ${error.field}`;
    if (error instanceof DomainError) return `${error.code} ${String(error.details['reason'] ?? error.details['field'])}`;
    throw error;
  }
};

describe('changing the raters of a draft (HR, before it opens)', () => {
  const agencyId = 'agency-1';
  const draft = { status: 'DRAFT' as const, agencyId, subjectId: 'subject', dueDate: '2027-03-15' };
  const current = [{ raterEmployeeId: 'subject' }, { raterEmployeeId: 'peer-1' }];
  const colleague = { employeeId: 'peer-2', agencyId, status: 'ACTIVE' as const };
  it.each([
    ['a colleague as a peer', draft, colleague, 'PEER', null],
    ['a colleague as a subordinate', draft, colleague, 'SUBORDINATE', null],
    ['the subject back as SELF', draft, { ...colleague, employeeId: 'subject' }, 'SELF', 'CONFLICT ALREADY_A_RATER'],
    ['someone already asked', draft, { ...colleague, employeeId: 'peer-1' }, 'PEER', 'CONFLICT ALREADY_A_RATER'],
    ['a colleague as SELF', draft, colleague, 'SELF', 'BAD_USER_INPUT input.group'],
    ['the subject as a peer', draft, { ...colleague, employeeId: 'subject' }, 'PEER', 'BAD_USER_INPUT input.group'],
    ['an employee of another agency', draft, { ...colleague, agencyId: 'agency-2' }, 'PEER', 'BAD_USER_INPUT input.raterId'],
    ['an employee who left', draft, { ...colleague, status: 'LEFT' as const }, 'PEER', 'CONFLICT EMPLOYEE_LEFT'],
    ['anyone once the cycle is open', { ...draft, status: 'OPEN' as const }, colleague, 'PEER', 'CONFLICT CYCLE_NOT_DRAFT'],
    ['anyone once the cycle is closed', { ...draft, status: 'CLOSED' as const }, colleague, 'PEER', 'CONFLICT CYCLE_NOT_DRAFT'],
  ] as const)('adding %s: %s', (_case, cycle, rater, group, refusal) => {
    expect(refusalOf(() => raterToAdd(cycle, rater, group, current))).toBe(refusal);
  });
  it('adds in the group asked for', () => expect(raterToAdd(draft, colleague, 'PEER', current)).toEqual({ employeeId: 'peer-2', group: 'PEER' }));
  it.each([
    ['a rater of the draft', draft, 'peer-1', null],
    ['the subject themself', draft, 'subject', null],
    ['someone not asked', draft, 'peer-2', 'BAD_USER_INPUT input.raterId'],
    ['a rater once open', { ...draft, status: 'OPEN' as const }, 'peer-1', 'CONFLICT CYCLE_NOT_DRAFT'],
  ] as const)('removing %s: %s', (_case, cycle, raterId, refusal) => {
    expect(refusalOf(() => raterToRemove(cycle, raterId, current))).toBe(refusal);
  });
  it.each([
    ['with raters and its due date ahead', draft, 2, undefined, '2027-03-01', '2027-03-15'],
    ['on its due date', draft, 2, undefined, '2027-03-15', '2027-03-15'],
    ['with a new due date', draft, 2, '2027-04-01', '2027-03-20', '2027-04-01'],
    ['after its due date without a new one', draft, 2, undefined, '2027-03-16', 'BAD_USER_INPUT dueDate'],
    ['with a new due date in the past', draft, 2, '2027-03-01', '2027-03-10', 'BAD_USER_INPUT dueDate'],
    ['without raters', draft, 0, undefined, '2027-03-01', 'CONFLICT NO_RATERS'],
    ['twice', { ...draft, status: 'OPEN' as const }, 2, undefined, '2027-03-01', 'CONFLICT CYCLE_NOT_DRAFT'],
  ] as const)('opening %s: %s', (_case, cycle, raters, requested, today, expected) => {
    let due: string | null = null;
    const refusal = refusalOf(() => (due = dueDateOnOpening(cycle, raters, requested, today)));
    expect(refusal ?? due).toBe(expected);
  });
});
