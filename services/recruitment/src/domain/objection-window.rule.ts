/** Rule 6: a stage's announcement opens a 3-day objection window (masa sanggah). */
export const OBJECTION_WINDOW_DAYS = 3;

const DAY_MS = 86_400_000;

/** The window closes three whole days (72 hours) after the announcement. */
export function objectionWindowCloses(announcedAt: Date, days: number = OBJECTION_WINDOW_DAYS): Date {
  return new Date(announcedAt.getTime() + days * DAY_MS);
}

/** An objection may be filed from the announcement until the window closes (the closing instant excluded). */
export function isObjectionWindowOpen(window: { announcedAt: Date; objectionClosesAt: Date }, now: Date): boolean {
  return now.getTime() >= window.announcedAt.getTime() && now.getTime() < window.objectionClosesAt.getTime();
}

/** The next stage may be announced only once the previous stage's window has closed. */
export function hasObjectionWindowClosed(window: { objectionClosesAt: Date }, now: Date): boolean {
  return now.getTime() >= window.objectionClosesAt.getTime();
}
