/**
 * `@db.Date` columns hold a calendar day. Prisma reads one as a Date at UTC midnight, a raw query
 * turned into JSON as a `YYYY-MM-DD…` string; the domain speaks `YYYY-MM-DD` either way.
 */
export function calendarDateOf(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** The value a `@db.Date` column is written with: the day at UTC midnight. */
export const dateColumn = (date: string): Date => new Date(`${date}T00:00:00Z`);
