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

/** What `handleEventOnce` needs of a Prisma client: interactive transactions with raw statements. */
export interface TransactionalClient<Tx extends { $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> }> {
  $transaction<R>(work: (tx: Tx) => Promise<R>, options?: { timeout?: number }): Promise<R>;
}

/**
 * One event handled as one unit of work: a transaction whose first statement claims the event for
 * this consumer, then the handler's reads and writes, its audit rows and its outbox rows. A failure
 * rolls all of it back, the claim included, so the consumer's retry starts clean; a redelivery finds
 * the claim and does nothing. `work` answers whether it wrote outbox rows, so that the relay is
 * woken once the transaction has committed. Resolves false for a redelivery.
 */
export async function handleEventOnce<Tx extends { $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> }>(
  client: TransactionalClient<Tx>,
  consumer: string,
  eventId: string,
  work: (tx: Tx) => Promise<{ wroteOutbox: boolean }>,
  afterOutboxCommit: () => void = () => undefined,
): Promise<boolean> {
  let wroteOutbox = false;
  const claimed = await client.$transaction(
    async (tx) => {
      if (!(await claimEvent((sql, ...values) => tx.$executeRawUnsafe(sql, ...values), consumer, eventId))) return false;
      wroteOutbox = (await work(tx)).wroteOutbox;
      return true;
    },
    { timeout: 15_000 },
  );
  if (wroteOutbox) afterOutboxCommit();
  return claimed;
}
