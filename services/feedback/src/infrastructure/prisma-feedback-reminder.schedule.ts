import { claimChunks, reminderDueRows } from '@kinerja/messaging';

import type { ClaimedFeedbackReminder, FeedbackReminderSchedule } from '../application/schedule-feedback-reminders.command';
import { DEFAULT_REMINDER_DAYS_BEFORE, type OpenRequest } from '../domain/reminder.rule';
import type { FeedbackPrisma } from './prisma-client';

const keyOf = (r: ClaimedFeedbackReminder): string => `${r.recipientEmployeeId}|${r.deadline}|${r.daysBefore}`;

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

  async claim(agencyId: string, reminders: readonly ClaimedFeedbackReminder[], now: Date): Promise<number> {
    let claimed = 0;
    for (const chunk of claimChunks(reminders, keyOf)) {
      claimed += await this.prisma.$transaction(
        async (tx) => {
          // One statement per chunk, in the one order: a second replica inserting the same keys
          // waits for the first's commit, then inserts nothing; RETURNING names those claimed now.
          const inserted = await tx.$queryRaw<{ id: string }[]>`
            INSERT INTO reminder (id, agency_id, recipient_employee_id, step, subject_id, pending, deadline, days_before, created_at)
            SELECT r.id, ${agencyId}::uuid, r.recipient, r.step, r.subject, r.pending, r.deadline, r.days, ${now}
            FROM unnest(${chunk.map((r) => r.id)}::uuid[], ${chunk.map((r) => r.recipientEmployeeId)}::uuid[], ${chunk.map((r) => r.step)}::text[],
                        ${chunk.map((r) => r.subjectId)}::uuid[], ${chunk.map((r) => r.pending)}::int[], ${chunk.map((r) => r.deadline)}::date[],
                        ${chunk.map((r) => r.daysBefore)}::int[]) AS r(id, recipient, step, subject, pending, deadline, days)
            ORDER BY r.recipient, r.deadline, r.days
            ON CONFLICT DO NOTHING
            RETURNING id::text AS id`;
          const rows = reminderDueRows('feedback', agencyId, chunk, new Set(inserted.map((row) => row.id)));
          if (rows.length > 0) await tx.outboxEvent.createMany({ data: rows });
          return rows.length;
        },
        { timeout: 60_000 },
      );
    }
    if (claimed > 0) this.afterOutboxCommit();
    return claimed;
  }
}
