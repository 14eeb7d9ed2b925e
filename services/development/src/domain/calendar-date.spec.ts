import { addDays, addYears, isCalendarDate } from './calendar-date';

describe('calendar date', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-01', false],
    ['1899-12-31', false],
    ['2025-01-01T00:00:00Z', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
  ])('%s plus %i day is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-03-01'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2023-03-01', 1, '2024-03-01'],
    ['2024-12-31', 1, '2025-12-31'],
  ])('%s plus %i year is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });
});
