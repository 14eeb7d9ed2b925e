import { addDays, isCalendarDate } from './calendar-date';

describe('calendar dates', () => {
  it.each([
    ['2027-02-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['27-01-01', false],
    ['2027-01-01T00:00:00Z', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));

  it.each([
    ['2027-01-31', 1, '2027-02-01'],
    ['2027-12-15', 30, '2028-01-14'],
    ['2028-02-28', 1, '2028-02-29'],
  ])('addDays(%s, %i) is %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));
});
