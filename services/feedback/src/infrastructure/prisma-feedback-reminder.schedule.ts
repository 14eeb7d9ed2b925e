import { claimReminders, type ReminderKeyColumn } from '@kinerja/messaging';

import type { ClaimedFeedbackReminder, FeedbackReminderSchedule } from '../application/schedule-feedback-reminders.command';
import { DEFAULT_REMINDER_DAYS_BEFORE, type OpenRequest } from '../domain/reminder.rule';
import type { FeedbackPrisma } from './prisma-client';

/** The order reminders are claimed in (their locks taken in), the same on every replica. */
const KEY: readonly ReminderKeyColumn[] = ['recipient', 'deadline', 'days'];

export class PrismaFeedbackReminderSchedule implements FeedbackReminderSchedule {
  constructor(
    private readonly prisma: FeedbackPrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
  ) {}

  async agencies(): Promise<{ agencyId: string; daysBefore: number[] }[]> {
    const rows = await this.prisma.$queryRaw<{ agencyId: string; daysBefore: number[] | null }[]>`
      SELECT DISTINCT c.agency_id::text AS "agencyId", s.reminder_days_before AS "daysBefore"
      FROM feedback_cycle c LEFT JOIN agency_setting s ON s.agency_id = c.agency_id
      WHERE c.status = 'OPEN'`;
    return rows.map((row) => ({ agencyId: row.agencyId, daysBefore: row.daysBefore ?? [...DEFAULT_REMINDER_DAYS_BEFORE] }));
  }

  openRequests(agencyId: string, today: string, withinDays: number): Promise<OpenRequest[]> {
    return this.prisma.$queryRaw<OpenRequest[]>`
      SELECT r.rater_employee_id::text AS "raterEmployeeId", c.id::text AS "cycleId", c.due_date::text AS "dueDate"
      FROM feedback_request r
      JOIN feedback_cycle c ON c.id = r.cycle_id
      JOIN employee_copy e ON e.employee_id = r.rater_employee_id AND e.status = 'ACTIVE'
      WHERE c.agency_id = ${agencyId}::uuid AND c.status = 'OPEN' AND r.answered_at IS NULL AND c.due_date BETWEEN ${today}::date AND ${today}::date + ${withinDays}::int
      ORDER BY r.rater_employee_id, c.due_date, c.id`;
  }

  claim(agencyId: string, reminders: readonly ClaimedFeedbackReminder[], now: Date): Promise<number> {
    return claimReminders(this.prisma, { producer: 'feedback', agencyId, reminders, now, key: KEY }, this.afterOutboxCommit);
  }
}
