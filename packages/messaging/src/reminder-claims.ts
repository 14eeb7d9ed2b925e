import type { EventPayload } from '@kinerja/events';

import { type OutboxRow, outboxRow } from './outbox';

type ReminderDue = EventPayload<'performance.reminder.due'>;

/** A deadline reminder a schedule claims (performance's and feedback's alike). */
export interface ReminderClaim {
  id: string;
  recipientEmployeeId: string;
  step: ReminderDue['step'];
  subjectId: string;
  deadline: string;
  daysBefore: number;
  pending: number;
}

/** Reminders claimed in one transaction at the most. */
const CLAIM_CHUNK = 500;

/**
 * The reminders in chunks, in one order on every replica (by `keyOf`): two replicas claiming the
 * same keys then wait for each other, never deadlock.
 */
export function claimChunks<T extends ReminderClaim>(reminders: readonly T[], keyOf: (reminder: T) => string): T[][] {
  const ordered = [...reminders].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const chunks: T[][] = [];
  for (let start = 0; start < ordered.length; start += CLAIM_CHUNK) chunks.push(ordered.slice(start, start + CLAIM_CHUNK));
  return chunks;
}

/** The `<producer>.reminder.due` outbox rows of the chunk's reminders whose claim this transaction inserted. */
export function reminderDueRows(
  producer: 'performance' | 'feedback',
  agencyId: string,
  chunk: readonly ReminderClaim[],
  claimedIds: ReadonlySet<string>,
): OutboxRow[] {
  return chunk
    .filter((reminder) => claimedIds.has(reminder.id))
    .map((reminder) => {
      const payload: ReminderDue = {
        reminderId: reminder.id,
        recipientEmployeeId: reminder.recipientEmployeeId,
        step: reminder.step,
        subjectId: reminder.subjectId,
        deadline: reminder.deadline,
        daysBefore: reminder.daysBefore,
        pending: reminder.pending,
      };
      return producer === 'performance'
        ? outboxRow({ type: 'performance.reminder.due', agencyId, producer, payload })
        : outboxRow({ type: 'feedback.reminder.due', agencyId, producer, payload });
    });
}
