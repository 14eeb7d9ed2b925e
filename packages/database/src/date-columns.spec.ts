import { calendarDateOf, dateColumn } from './date-columns';

describe('@db.Date columns', () => {
  it('read as the day, from Prisma’s Date at UTC midnight or from a raw query’s JSON string', () => {
    expect(calendarDateOf(new Date('2031-01-02T00:00:00Z'))).toBe('2031-01-02');
    expect(calendarDateOf('2031-01-02T00:00:00.000Z')).toBe('2031-01-02');
    expect(calendarDateOf('2031-01-02')).toBe('2031-01-02');
  });

  it('are written as the day at UTC midnight, and read back as the same day', () => {
    expect(dateColumn('2031-12-31').toISOString()).toBe('2031-12-31T00:00:00.000Z');
    expect(calendarDateOf(dateColumn('2031-12-31'))).toBe('2031-12-31');
  });
});
