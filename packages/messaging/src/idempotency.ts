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

/** Runs a raw query inside the handler's transaction and returns its rows (Prisma: `tx.$queryRawUnsafe`). */
export type QueryRaw = <Row>(sql: string, ...values: unknown[]) => Promise<Row[]>;

/**
 * The bulk form of `claimEvent`: one statement records every event id of a batch for this
 * consumer and answers those it had not processed before (an id twice in the batch is claimed once).
 */
export async function claimEvents(query: QueryRaw, consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await query<{ eventId: string }>(
    `INSERT INTO processed_event (event_id, consumer) SELECT DISTINCT unnest($1::uuid[]), $2
     ON CONFLICT DO NOTHING RETURNING event_id::text AS "eventId"`,
    [...eventIds],
    consumer,
  );
  return new Set(rows.map((row) => row.eventId));
}

type RawTransaction = {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<Row>(sql: string, ...values: unknown[]): Promise<Row[]>;
};

/**
 * A batch of events handled as one unit of work (`handleEventOnce` for many): one transaction whose
 * first statement claims all of them, then `work` with the ids claimed now (the others were handled
 * before: a redelivery), which reads and writes for those set-wise. A failure rolls back the whole
 * batch with its claims, so the events can be handled again (one by one, to isolate a poison one).
 * Resolves the ids claimed.
 */
export async function handleEventsOnce<Tx extends RawTransaction>(
  client: TransactionalClient<Tx>,
  consumer: string,
  eventIds: readonly string[],
  work: (tx: Tx, claimed: ReadonlySet<string>) => Promise<{ wroteOutbox: boolean }>,
  afterOutboxCommit: () => void = () => undefined,
): Promise<ReadonlySet<string>> {
  if (eventIds.length === 0) return new Set();
  let wroteOutbox = false;
  const claimed = await client.$transaction(
    async (tx) => {
      const fresh = await claimEvents((sql, ...values) => tx.$queryRawUnsafe(sql, ...values), consumer, eventIds);
      if (fresh.size > 0) wroteOutbox = (await work(tx, fresh)).wroteOutbox;
      return fresh;
    },
    { timeout: 30_000 },
  );
  if (wroteOutbox) afterOutboxCommit();
  return claimed;
}

/** The transaction object an event store hands its handlers: it notes whether they wrote outbox rows. */
export interface EventUnit {
  readonly wroteOutbox: boolean;
}

/**
 * `handleEventOnce` for an event store whose handlers see its own transaction object (`open`
 * wraps Prisma's transaction in it) rather than Prisma's: the relay is woken when that object
 * wrote outbox rows.
 */
export function handleEventOnceWith<Tx extends Pick<RawTransaction, '$executeRawUnsafe'>, Unit>(
  client: TransactionalClient<Tx>,
  consumer: string,
  eventId: string,
  open: (tx: Tx) => Unit & EventUnit,
  work: (unit: Unit) => Promise<void>,
  afterOutboxCommit?: () => void,
): Promise<boolean> {
  return handleEventOnce(client, consumer, eventId, async (tx) => ({ wroteOutbox: await workIn(open(tx), work) }), afterOutboxCommit);
}

/** `handleEventsOnce` with the event store's own transaction object, as `handleEventOnceWith`. */
export function handleEventsOnceWith<Tx extends RawTransaction, Unit>(
  client: TransactionalClient<Tx>,
  consumer: string,
  eventIds: readonly string[],
  open: (tx: Tx) => Unit & EventUnit,
  work: (unit: Unit, claimed: ReadonlySet<string>) => Promise<void>,
  afterOutboxCommit?: () => void,
): Promise<ReadonlySet<string>> {
  return handleEventsOnce(
    client,
    consumer,
    eventIds,
    async (tx, claimed) => ({ wroteOutbox: await workIn(open(tx), (unit) => work(unit, claimed)) }),
    afterOutboxCommit,
  );
}

async function workIn<Unit>(unit: Unit & EventUnit, work: (unit: Unit) => Promise<void>): Promise<boolean> {
  await work(unit);
  return unit.wroteOutbox;
}
