import { dueThreshold } from '@kinerja/kernel';

/** Until HR chooses: a week before a cycle's due date and the day before. */
export const DEFAULT_REMINDER_DAYS_BEFORE: readonly number[] = [7, 1];

/** What is wrong with a choice of reminder days, or null: at most 5 different whole numbers from 0 to 60 (none = no reminders). */
export function reminderDaysProblem(days: readonly number[]): string | null {
  const valid = days.length <= 5 && days.every((day) => Number.isInteger(day) && day >= 0 && day <= 60) && new Set(days).size === days.length;
  return valid ? null : 'must be at most 5 different whole numbers of days from 0 to 60';
}

/** An unanswered 360° request of an open cycle, with the cycle's due date. */
export interface OpenRequest {
  raterEmployeeId: string;
  cycleId: string;
  dueDate: string;
}

/** A 360° reminder to claim: one per rater and due date, for all their open requests due that day. */
export interface DueFeedbackReminder {
  recipientEmployeeId: string;
  step: 'FEEDBACK_RESPONSE';
  /** The first (by id) of the rater's cycles due that day. */
  subjectId: string;
  deadline: string;
  daysBefore: number;
  pending: number;
}

/**
 * Who is due a 360° reminder today (issue 17): each rater with unanswered requests of open cycles,
 * once per due date and number of days before (the agency's `reminderDaysBefore`), however many
 * colleagues they were asked about.
 */
export function feedbackRemindersDue(today: string, daysBefore: readonly number[], requests: readonly OpenRequest[]): DueFeedbackReminder[] {
  const grouped = new Map<string, DueFeedbackReminder>();
  for (const request of requests) {
    const threshold = dueThreshold(today, request.dueDate, daysBefore);
    if (threshold === null) continue;
    const key = `${request.raterEmployeeId}/${request.dueDate}`;
    const known = grouped.get(key);
    if (known) {
      known.pending += 1;
      if (request.cycleId < known.subjectId) known.subjectId = request.cycleId;
    } else {
      grouped.set(key, {
        recipientEmployeeId: request.raterEmployeeId,
        step: 'FEEDBACK_RESPONSE',
        subjectId: request.cycleId,
        deadline: request.dueDate,
        daysBefore: threshold,
        pending: 1,
      });
    }
  }
  return [...grouped.values()];
}
