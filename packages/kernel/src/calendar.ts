import type { Clock } from './clock';

/** Western Indonesia Time (WIB), UTC+7: the default; WITA (+8) and WIT (+9) agencies pass their own. */
export const WIB_UTC_OFFSET_HOURS = 7;

/**
 * The calendar date (YYYY-MM-DD) of an instant in a time zone given as a whole-hour UTC offset.
 * Deadlines, completion dates and contract years are days in the agency's zone: at 23:30 UTC it
 * is already tomorrow in Jakarta, so "today" taken in UTC would be a day behind for seven hours.
 */
export function calendarDateIn(instant: Date, utcOffsetHours: number = WIB_UTC_OFFSET_HOURS): string {
  return new Date(instant.getTime() + utcOffsetHours * 3_600_000).toISOString().slice(0, 10);
}

/** Today in the agency's time zone. */
export function todayIn(clock: Clock, utcOffsetHours: number = WIB_UTC_OFFSET_HOURS): string {
  return calendarDateIn(clock.now(), utcOffsetHours);
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A calendar day (YYYY-MM-DD), or an instant read in WIB, as official documents write it: "2 Januari 2031". */
export function indonesianDate(day: string | Date): string {
  const iso = typeof day === 'string' ? day : calendarDateIn(day);
  const [year, month, date] = iso.split('-').map(Number);
  return `${date} ${MONTHS_ID[(month ?? 1) - 1]} ${year}`;
}
