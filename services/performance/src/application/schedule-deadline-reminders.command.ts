import { type Clock, type IdGenerator, todayIn } from '@kinerja/kernel';

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
  factsOf(agencyId: string): Promise<ReminderFacts>;
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
      const due = remindersDue(today, settings.reminderDaysBefore, await this.schedule.factsOf(agencyId));
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
