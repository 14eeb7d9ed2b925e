import { calendarDateIn, indonesianDate, todayIn, WIB_UTC_OFFSET_HOURS } from './calendar';

describe('calendarDateIn', () => {
  it.each([
    ['2026-12-31T16:59:59Z', 7, '2026-12-31'],
    ['2026-12-31T17:00:00Z', 7, '2027-01-01'],
    ['2026-12-31T15:59:59Z', 8, '2026-12-31'],
    ['2026-12-31T16:00:00Z', 8, '2027-01-01'],
    ['2026-12-31T15:00:00Z', 9, '2027-01-01'],
    ['2026-03-01T00:00:00Z', 0, '2026-03-01'],
  ])('%s at UTC+%d is %s', (instant, offset, expected) => {
    expect(calendarDateIn(new Date(instant), offset)).toBe(expected);
  });

  it('defaults to WIB', () => {
    expect(WIB_UTC_OFFSET_HOURS).toBe(7);
    expect(calendarDateIn(new Date('2026-06-30T18:00:00Z'))).toBe('2026-07-01');
  });

  it('todayIn reads the clock', () => {
    expect(todayIn({ now: () => new Date('2026-01-01T20:00:00Z') })).toBe('2026-01-02');
  });
});

describe('indonesianDate', () => {
  it.each<[string | Date, string]>([
    ['2026-01-31', '31 Januari 2026'],
    ['2026-12-01', '1 Desember 2026'],
    [new Date('2026-06-30T18:00:00Z'), '1 Juli 2026'],
  ])('writes %p as %s', (day, text) => {
    expect(indonesianDate(day)).toBe(text);
  });
});
