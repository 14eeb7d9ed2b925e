import { type Clock, dueThreshold, type IdGenerator, todayIn } from '@kinerja/kernel';

import { type DueReminder, type ReminderFacts, remindersDue } from '../domain/reminder.rule';
import type { SettingsRepository } from '../domain/repositories';

/** A reminder as it is claimed: its id becomes the claim row's and the event's `reminderId`. */
export interface ClaimedReminder extends DueReminder {
  id: string;
}

/** The schedule's port: what is outstanding per agency, and the claim that makes a reminder go out once. */
export interface ReminderSchedule {
  /** The agencies with an open year. */
  agenciesWithOpenYears(): Promise<string[]>;
  /** The agency's open periods (a sub-period is closed when it or its year is). */
  openPeriods(agencyId: string): Promise<ReminderFacts['periods']>;
  /** The rest of what the rule needs, for those periods. */
  factsOf(agencyId: string, periods: ReminderFacts['periods']): Promise<ReminderFacts>;
  /**
   * Claims each reminder (recipient, step, subject, deadline, days before) and writes its
   * `performance.reminder.due` to the outbox in the same transaction; one already claimed, by this
   * replica or another running at the same moment, is skipped. Resolves how many were claimed now.
   */
  claim(agencyId: string, reminders: readonly ClaimedReminder[], now: Date): Promise<number>;
}

/**
 * Runs on every replica (a `PeriodicJob`): each agency's reminders due today in its own time zone
 * (`reminderDaysBefore` of its settings), claimed once across replicas.
 */
export class ScheduleDeadlineReminders {
  constructor(
    private readonly schedule: ReminderSchedule,
    private readonly settings: SettingsRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(): Promise<number> {
    let claimed = 0;
    for (const agencyId of await this.schedule.agenciesWithOpenYears()) {
      const settings = await this.settings.ofAgency(agencyId);
      if (settings.reminderDaysBefore.length === 0) continue;
      const today = todayIn(this.clock, settings.utcOffsetHours);
      const periods = await this.schedule.openPeriods(agencyId);
      // Most runs of most days: no deadline near, nothing more to read (every deadline the rule uses is a period's).
      if (!periods.some((period) => dueThreshold(today, period.fillInDeadline, settings.reminderDaysBefore) !== null)) continue;
      const due = remindersDue(today, settings.reminderDaysBefore, await this.schedule.factsOf(agencyId, periods));
      if (due.length === 0) continue;
      claimed += await this.schedule.claim(
        agencyId,
        due.map((reminder) => ({ ...reminder, id: this.ids.newId() })),
        this.clock.now(),
      );
    }
    return claimed;
  }
}
