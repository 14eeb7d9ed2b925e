import { type Clock, type IdGenerator, todayIn } from '@kinerja/kernel';

import { type DueFeedbackReminder, feedbackRemindersDue, type OpenRequest } from '../domain/reminder.rule';

export interface ClaimedFeedbackReminder extends DueFeedbackReminder {
  id: string;
}

/** The 360° reminder schedule's port. */
export interface FeedbackReminderSchedule {
  /** Agencies with open cycles, with their `reminderDaysBefore` (the default [7, 1] without a setting). */
  agencies(): Promise<{ agencyId: string; daysBefore: number[] }[]>;
  /** The agency's unanswered requests of open cycles due from today to `withinDays` later, of active raters. */
  openRequests(agencyId: string, today: string, withinDays: number): Promise<OpenRequest[]>;
  /** Claims each reminder and writes its `feedback.reminder.due` in the same transaction; one claimed before is skipped. */
  claim(agencyId: string, reminders: readonly ClaimedFeedbackReminder[], now: Date): Promise<number>;
}

/** Runs on every replica (a `PeriodicJob`); each reminder is claimed once. Due dates are WIB days, as the cycles close. */
export class ScheduleFeedbackReminders {
  constructor(
    private readonly schedule: FeedbackReminderSchedule,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(): Promise<number> {
    const today = todayIn(this.clock);
    let claimed = 0;
    for (const { agencyId, daysBefore } of await this.schedule.agencies()) {
      if (daysBefore.length === 0) continue;
      const due = feedbackRemindersDue(today, daysBefore, await this.schedule.openRequests(agencyId, today, Math.max(...daysBefore)));
      if (due.length > 0)
        claimed += await this.schedule.claim(
          agencyId,
          due.map((reminder) => ({ ...reminder, id: this.ids.newId() })),
          this.clock.now(),
        );
    }
    return claimed;
  }
}
