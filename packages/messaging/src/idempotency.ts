/** Runs a raw statement inside the handler's transaction and returns the affected row count (Prisma: `tx.$executeRawUnsafe`). */
export type ExecuteRaw = (sql: string, ...values: unknown[]) => Promise<number>;

/**
 * The first statement of a handler's transaction: records that this consumer processed the event.
 * False means it was processed before (a redelivery): the handler must do nothing. Because the
 * record commits together with the handler's writes, an event has its effect exactly once.
 */
export async function claimEvent(execute: ExecuteRaw, consumer: string, eventId: string): Promise<boolean> {
  const inserted = await execute('INSERT INTO processed_event (event_id, consumer) VALUES ($1::uuid, $2) ON CONFLICT DO NOTHING', eventId, consumer);
  return inserted === 1;
}
