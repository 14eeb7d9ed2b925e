import type { EventPayload } from '@kinerja/events';

import type { TransactionalClient } from './idempotency';
import { type OutboxRow, outboxRow, outboxRowsInsert } from './outbox';

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

/**
 * A column of a service's `reminder` table's unique key: a service's key names some of them, in
 * the order both the chunks and each chunk's insert follow.
 */
export type ReminderKeyColumn = 'recipient' | 'step' | 'subject' | 'deadline' | 'days';

const FIELD_OF_COLUMN = { recipient: 'recipientEmployeeId', step: 'step', subject: 'subjectId', deadline: 'deadline', days: 'daysBefore' } as const;

/** What `claimReminders` needs of a Prisma client. */
interface ClaimTransaction {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<Row>(sql: string, ...values: unknown[]): Promise<Row[]>;
}

/**
 * Claims reminders in the service's `reminder` table and writes the `<producer>.reminder.due`
 * outbox rows of those claimed now, chunk by chunk, each chunk one transaction. Resolves how many
 * were claimed; `afterOutboxCommit` wakes the relay once when any were.
 */
export async function claimReminders(
  client: TransactionalClient<ClaimTransaction>,
  claim: {
    producer: 'performance' | 'feedback';
    agencyId: string;
    reminders: readonly ReminderClaim[];
    now: Date;
    /** The table's unique key, in lock order. */
    key: readonly ReminderKeyColumn[];
  },
  afterOutboxCommit: () => void = () => undefined,
): Promise<number> {
  const { producer, agencyId, now, key } = claim;
  const keyOf = (reminder: ReminderClaim) => key.map((column) => reminder[FIELD_OF_COLUMN[column]]).join('|');
  const insert = claimInsert(key);
  let claimed = 0;
  for (const chunk of claimChunks(claim.reminders, keyOf)) {
    claimed += await client.$transaction(
      async (tx) => {
        const inserted = await tx.$queryRawUnsafe<{ id: string }>(
          insert,
          agencyId,
          now,
          chunk.map((r) => r.id),
          chunk.map((r) => r.recipientEmployeeId),
          chunk.map((r) => r.step),
          chunk.map((r) => r.subjectId),
          chunk.map((r) => r.pending),
          chunk.map((r) => r.deadline),
          chunk.map((r) => r.daysBefore),
        );
        const rows = reminderDueRows(producer, agencyId, chunk, new Set(inserted.map((row) => row.id)));
        if (rows.length > 0) await tx.$executeRawUnsafe(...outboxRowsInsert(rows));
        return rows.length;
      },
      { timeout: 60_000 },
    );
  }
  if (claimed > 0) afterOutboxCommit();
  return claimed;
}

/**
 * One statement per chunk, in the one order: a second replica inserting the same keys waits for
 * the first's commit, then inserts nothing; RETURNING names those claimed now.
 */
function claimInsert(key: readonly ReminderKeyColumn[]): string {
  return `INSERT INTO reminder (id, agency_id, recipient_employee_id, step, subject_id, pending, deadline, days_before, created_at)
    SELECT r.id, $1::uuid, r.recipient, r.step, r.subject, r.pending, r.deadline, r.days, $2::timestamptz
    FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::int[], $8::date[], $9::int[]) AS r(id, recipient, step, subject, pending, deadline, days)
    ORDER BY ${key.map((column) => `r.${column}`).join(', ')}
    ON CONFLICT DO NOTHING
    RETURNING id::text AS id`;
}
