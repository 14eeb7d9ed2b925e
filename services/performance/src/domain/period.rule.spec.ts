import { ConflictError, ValidationError } from '@kinerja/errors';

import { assertPeriodOpen, buildSubPeriods, closePeriod, isLate, isPeriodOpen, subPeriodOf } from './period.rule';

function problemFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => p.field);
    throw error;
  }
  return [];
}

describe('buildSubPeriods', () => {
  const monthly2024 = buildSubPeriods({ year: 2024, cadence: 'MONTHLY', fillInDays: 5 });
  const quarterly2026 = buildSubPeriods({ year: 2026, cadence: 'QUARTERLY', fillInDays: 10 });

  it('cuts a year into 12 months or 4 quarters that cover it without gaps', () => {
    expect(monthly2024).toHaveLength(12);
    expect(quarterly2026).toHaveLength(4);
    expect([monthly2024[0]!.start, monthly2024[11]!.end]).toEqual(['2024-01-01', '2024-12-31']);
  });

  it.each([
    ['January', 1, '2024-01-01', '2024-01-31', '2024-02-05'],
    ['February of a leap year', 2, '2024-02-01', '2024-02-29', '2024-03-05'],
    ['April', 4, '2024-04-01', '2024-04-30', '2024-05-05'],
    ['December, deadline in the next year', 12, '2024-12-01', '2024-12-31', '2025-01-05'],
  ])('monthly: %s', (_case, index, start, end, fillInDeadline) => {
    expect(monthly2024[index - 1]).toEqual({ index, start, end, fillInDeadline });
  });

  it.each([
    [1, '2026-01-01', '2026-03-31', '2026-04-10'],
    [2, '2026-04-01', '2026-06-30', '2026-07-10'],
    [3, '2026-07-01', '2026-09-30', '2026-10-10'],
    [4, '2026-10-01', '2026-12-31', '2027-01-10'],
  ])('quarterly: Q%i', (index, start, end, fillInDeadline) => {
    expect(quarterly2026[index - 1]).toEqual({ index, start, end, fillInDeadline });
  });

  it('puts the deadline on the last day itself with 0 fill-in days', () => {
    expect(buildSubPeriods({ year: 2023, cadence: 'MONTHLY', fillInDays: 0 })[1]).toMatchObject({ end: '2023-02-28', fillInDeadline: '2023-02-28' });
  });

  it.each([
    ['a fractional year', { year: 2024.5 }, ['year']],
    ['an unknown cadence', { cadence: 'WEEKLY' }, ['cadence']],
    ['negative fill-in days', { fillInDays: -1 }, ['fillInDays']],
    ['too many fill-in days', { fillInDays: 91 }, ['fillInDays']],
    ['everything wrong', { year: 1999, cadence: 'DAILY', fillInDays: 1.5 }, ['year', 'cadence', 'fillInDays']],
  ])('refuses %s', (_case, change, fields) => {
    const input = { year: 2024, cadence: 'MONTHLY', fillInDays: 5, ...change } as Parameters<typeof buildSubPeriods>[0];
    expect(problemFields(() => buildSubPeriods(input))).toEqual(fields);
  });
});

describe('subPeriodOf', () => {
  const quarters = buildSubPeriods({ year: 2026, cadence: 'QUARTERLY', fillInDays: 10 });
  it.each([
    ['2026-01-01', 1],
    ['2026-03-31', 1],
    ['2026-04-01', 2],
    ['2026-12-31', 4],
    ['2027-01-01', null],
    ['2025-12-31', null],
  ])('%s → quarter %s', (date, index) => {
    expect(subPeriodOf(quarters, date)?.index ?? null).toBe(index);
  });
});

describe('isLate', () => {
  it.each([
    ['the deadline morning, WIB', '2026-04-10T01:00:00Z', 7, false],
    ['23:59:59 WIB on the deadline', '2026-04-10T16:59:59Z', 7, false],
    ['00:00 WIB the next day', '2026-04-10T17:00:00Z', 7, true],
    ['the day before', '2026-04-09T12:00:00Z', 7, false],
    ['23:30 WITA on the deadline, already next day in WIT', '2026-04-10T15:30:00Z', 9, true],
    ['23:30 WITA on the deadline', '2026-04-10T15:30:00Z', 8, false],
  ])('%s → late %s', (_case, reportedAt, offset, late) => {
    expect(isLate('2026-04-10', new Date(reportedAt), offset)).toBe(late);
  });

  it('defaults to WIB', () => {
    expect(isLate('2026-04-10', new Date('2026-04-10T17:00:00Z'))).toBe(true);
  });

  it('refuses a deadline that is not a date', () => {
    expect(() => isLate('10/04/2026', new Date())).toThrow(ValidationError);
  });
});

describe('period status', () => {
  it.each([
    ['OPEN', true],
    ['CLOSED', false],
  ] as const)('a period %s is open: %s', (status, open) => {
    expect(isPeriodOpen({ id: 'p1', status })).toBe(open);
  });

  it('refuses changes to a closed period with a conflict', () => {
    expect(() => assertPeriodOpen({ id: 'p1', status: 'CLOSED' })).toThrow(ConflictError);
    expect(() => assertPeriodOpen({ id: 'p1', status: 'OPEN' })).not.toThrow();
  });

  it('closes an open period once', () => {
    const closed = closePeriod({ id: 'p1', status: 'OPEN' as const, year: 2026 });
    expect(closed).toEqual({ id: 'p1', status: 'CLOSED', year: 2026 });
    expect(() => closePeriod(closed)).toThrow(ConflictError);
  });
});
