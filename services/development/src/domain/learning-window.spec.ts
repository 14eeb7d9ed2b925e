import { capWindowOf, learningWindowOf } from './learning-window';

describe('learning windows of an employee', () => {
  it.each([
    ['PNS: the calendar year', { employmentType: 'PNS', contractStart: null }, 2026, { start: '2026-01-01', end: '2026-12-31' }],
    ['CPNS: the calendar year', { employmentType: 'CPNS', contractStart: null }, 2026, { start: '2026-01-01', end: '2026-12-31' }],
    ['PPPK: the contract year beginning in it', { employmentType: 'PPPK', contractStart: '2024-07-01' }, 2026, { start: '2026-07-01', end: '2027-06-30' }],
    ['PPPK, contract start unknown: the calendar year', { employmentType: 'PPPK', contractStart: null }, 2026, { start: '2026-01-01', end: '2026-12-31' }],
    ['PPPK, before the contract: the calendar year', { employmentType: 'PPPK', contractStart: '2027-03-01' }, 2026, { start: '2026-01-01', end: '2026-12-31' }],
  ] as const)('%s', (_case, employee, year, window) => {
    expect(learningWindowOf(employee, year)).toEqual(window);
  });

  it.each([
    [
      'PPPK: the contract year holding the day',
      { employmentType: 'PPPK', contractStart: '2024-07-01' },
      '2026-03-15',
      { start: '2025-07-01', end: '2026-06-30' },
    ],
    ['PPPK, contract start unknown', { employmentType: 'PPPK', contractStart: null }, '2026-03-15', { start: '2026-01-01', end: '2026-12-31' }],
    ['PNS', { employmentType: 'PNS', contractStart: null }, '2026-03-15', { start: '2026-01-01', end: '2026-12-31' }],
  ] as const)('cap window, %s', (_case, employee, day, window) => {
    expect(capWindowOf(employee, day)).toEqual(window);
  });
});
