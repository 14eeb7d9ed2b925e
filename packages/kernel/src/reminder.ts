const DAY_MS = 86_400_000;

/** Whole days from one calendar day (YYYY-MM-DD) to another. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The deadline reminder due today, as its number of days before the deadline, or null: the
 * smallest of the agency's `daysBefore` that is at least the days left. A day the schedule did not
 * run (downtime) is caught up the next day with the same number, and a reminder already claimed is
 * claimed again in vain, so each goes out once. Nothing once the deadline has passed.
 */
export function dueThreshold(today: string, deadline: string, daysBefore: readonly number[]): number | null {
  const left = daysBetween(today, deadline);
  if (left < 0) return null;
  const candidates = daysBefore.filter((days) => days >= left);
  return candidates.length > 0 ? Math.min(...candidates) : null;
}
