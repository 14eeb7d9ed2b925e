import { dueThreshold } from '@kinerja/kernel';

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
