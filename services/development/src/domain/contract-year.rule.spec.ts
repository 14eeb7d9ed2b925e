import { ValidationError } from '@kinerja/errors';

import { contractYearOf, learningHoursWindow } from './contract-year.rule';

/** The field a ValidationError names; any other outcome fails the comparison. */
function refusedAt(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof ValidationError ? error.field : error;
  }
  return 'accepted';
}

describe('contractYearOf', () => {
  it.each([
    // contract start, date, window start, window end
    ['2024-07-01', '2024-07-01', '2024-07-01', '2025-06-30'],
    ['2024-07-01', '2025-01-01', '2024-07-01', '2025-06-30'],
    ['2024-07-01', '2025-06-30', '2024-07-01', '2025-06-30'],
    ['2024-07-01', '2025-07-01', '2025-07-01', '2026-06-30'],
    ['2024-01-01', '2024-12-31', '2024-01-01', '2024-12-31'],
    ['2024-01-01', '2025-01-01', '2025-01-01', '2025-12-31'],
    ['2023-03-01', '2024-02-29', '2023-03-01', '2024-02-29'],
    ['2023-03-01', '2024-03-01', '2024-03-01', '2025-02-28'],
    // a start on 29 February: 1 March anniversaries in common years, 29 February again in 2028
    ['2024-02-29', '2025-02-28', '2024-02-29', '2025-02-28'],
    ['2024-02-29', '2025-03-01', '2025-03-01', '2026-02-28'],
    ['2024-02-29', '2028-02-28', '2027-03-01', '2028-02-28'],
    ['2024-02-29', '2028-02-29', '2028-02-29', '2029-02-28'],
    ['2024-12-31', '2025-12-30', '2024-12-31', '2025-12-30'],
    ['2024-12-31', '2025-12-31', '2025-12-31', '2026-12-30'],
  ])('contract from %s: %s falls in %s … %s', (contractStart, date, start, end) => {
    expect(contractYearOf(contractStart, date)).toEqual({ start, end });
  });

  it.each([
    ['2024-07-01', '2024-06-30', 'date'],
    ['2024-02-30', '2024-07-01', 'contractStart'],
    ['2024-07-01', '01/07/2025', 'date'],
  ])('contract from %s, date %s is refused at %s', (contractStart, date, field) => {
    expect(refusedAt(() => contractYearOf(contractStart, date))).toBe(field);
  });
});

describe('learningHoursWindow', () => {
  it.each([
    ['PNS', 2025, null, '2025-01-01', '2025-12-31'],
    ['CPNS', 2024, null, '2024-01-01', '2024-12-31'],
    ['PPPK', 2024, '2024-04-01', '2024-04-01', '2025-03-31'],
    ['PPPK', 2025, '2024-04-01', '2025-04-01', '2026-03-31'],
    ['PPPK', 2025, '2024-02-29', '2025-03-01', '2026-02-28'],
  ] as const)('%s %i (contract from %s): %s … %s', (employmentType, year, contractStart, start, end) => {
    expect(learningHoursWindow({ employmentType, year, contractStart })).toEqual({ start, end });
  });

  it.each([
    ['PPPK', 2025, null, 'contractStart'],
    ['PPPK', 2023, '2024-04-01', 'year'],
    ['PNS', 25, null, 'year'],
  ] as const)('%s %i (contract from %s) is refused at %s', (employmentType, year, contractStart, field) => {
    expect(refusedAt(() => learningHoursWindow({ employmentType, year, contractStart }))).toBe(field);
  });
});
