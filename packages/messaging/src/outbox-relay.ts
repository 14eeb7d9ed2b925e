import type { SqlRunner } from '@kinerja/database';
import type { Logger } from '@kinerja/logger';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';

import type { OutgoingMessage, Transport } from './transport';

export interface OutboxRelayOptions {
  sql: SqlRunner;
  transport: Transport;
  logger: Logger;
  batchSize?: number;
  /** How often to look for new rows when nobody calls notify(). */
  pollIntervalMs?: number;
  maxBackoffMs?: number;
}

interface PendingRow {
  id: string;
  topic: string;
  key: string;
  type: string;
  /** The envelope's JSON text, sent as it is. */
  envelope: string;
  version: string;
  agencyId: string;
  traceparent: string | null;
}

// One relay at a time per database drains the outbox, so events of one key leave in commit order
// even with several replicas; the others find the lock taken and wait for the next round.
const RELAY_LOCK_KEY = 5_140_271;

/**
 * Publishes pending outbox rows in order and marks them sent, in one transaction: when the broker
 * is down the publish fails, the transaction rolls back and the rows wait for the next attempt.
 * A crash between publish and commit republishes the batch: delivery is at least once, and
 * consumers are idempotent by event id.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<number> | null = null;
  private failures = 0;
  private stopped = true;
  /** A notify() arrived while a round was running or about to: its rows may have committed after that round's SELECT. */
  private notifiedDuringDrain = false;
  /** A tick is running: it reschedules itself when it ends. */
  private ticking = false;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Call after a commit that wrote outbox rows, to publish without waiting for the next poll. */
  notify(): void {
    if (this.stopped || this.failures > 0) return;
    // A round in flight may have read the outbox before this commit: another round follows it at
    // once (the running tick sees the flag; otherwise a new tick waits for the round, then runs).
    if (this.draining || this.ticking) this.notifiedDuringDrain = true;
    if (!this.ticking) this.schedule(0);
  }

  /** One round: publishes up to a batch; returns how many rows went out. */
  drainOnce(): Promise<number> {
    this.draining ??= this.publishBatch().finally(() => (this.draining = null));
    return this.draining;
  }

  async backlog(): Promise<number> {
    const [row] = await this.options.sql.query<{ count: string | number }>('SELECT count(*) AS count FROM outbox_event WHERE published_at IS NULL');
    return Number(row?.count ?? 0);
  }

  /**
   * Seconds since the oldest unpublished row was written, or 0 when none waits: unlike the backlog's
   * size, it grows steadily while events are stuck, however few there are.
   */
  async oldestUnsentAgeSeconds(): Promise<number> {
    const [row] = await this.options.sql.query<{ age: string | number | null }>(
      'SELECT extract(epoch FROM now() - min(created_at)) AS age FROM outbox_event WHERE published_at IS NULL',
    );
    return Math.max(0, Number(row?.age ?? 0));
  }

  /** Stops polling after publishing what is pending (bounded by `timeoutMs`). */
  async stop(timeoutMs = 5000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const deadline = Date.now() + timeoutMs;
    try {
      while (Date.now() < deadline && (await this.drainOnce()) > 0);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'outbox not fully flushed at shutdown; rows stay for the next start');
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    // Outside any request's trace: notify() is called from requests, but a round publishes the
    // events of many; each message carries the trace it was created in (see outbox.ts).
    this.timer = setTimeout(() => context.with(ROOT_CONTEXT, () => void this.tick()), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    // A timer that fired just as stop() began: stop() drains on its own, then the database closes.
    if (this.stopped || this.ticking) return;
    this.ticking = true;
    try {
      await this.round();
    } finally {
      this.ticking = false;
    }
  }

  private async round(): Promise<void> {
    // Joining a round already in flight (stop() or a test's drainOnce()) would miss rows committed after its SELECT.
    await this.draining?.catch(() => undefined);
    if (this.stopped) return;
    try {
      this.notifiedDuringDrain = false;
      const published = await this.drainOnce();
      if (this.failures > 0) this.options.logger.info({ afterFailures: this.failures }, 'outbox relay publishing again');
      this.failures = 0;
      this.schedule(published >= this.batchSize || this.notifiedDuringDrain ? 0 : this.pollIntervalMs);
    } catch (error) {
      this.failures += 1;
      const delay = Math.min(this.pollIntervalMs * 2 ** this.failures, this.maxBackoffMs);
      if (this.failures === 1 || this.failures % 10 === 0)
        this.options.logger.warn({ err: error, retryInMs: delay }, 'outbox relay cannot publish; events wait in the outbox');
      this.schedule(delay);
    }
  }

  private publishBatch(): Promise<number> {
    return this.options.sql.transaction(async (tx) => {
      // One round trip takes the lock and the rows: only the relay holding the lock reads any. The
      // envelope comes as the JSON text it is stored as (no parse and re-serialization here), with
      // the few fields the headers need beside it.
      const rows = await tx.query<PendingRow>(PENDING_ROWS, [RELAY_LOCK_KEY, this.batchSize]);
      if (rows.length === 0) return 0;
      await this.options.transport.publish(rows.map(messageOf));
      await tx.query('UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::uuid[])', [rows.map((row) => row.id)]);
      return rows.length;
    });
  }
}

const PENDING_ROWS = `SELECT o.id::text AS id, o.topic, o.key, o.type, o.envelope::text AS envelope, o.envelope ->> 'version' AS version,
       o.envelope ->> 'agencyId' AS "agencyId", o.envelope ->> 'traceparent' AS traceparent
  FROM (SELECT pg_try_advisory_xact_lock($1) AS locked) AS relay, outbox_event AS o
 WHERE relay.locked AND o.published_at IS NULL
 ORDER BY o.seq LIMIT $2
 FOR UPDATE OF o SKIP LOCKED`;

/** The wire form of a pending row, as `toMessage` builds it from the envelope (see outbox.ts). */
function messageOf(row: PendingRow): OutgoingMessage {
  return {
    topic: row.topic,
    key: row.key,
    value: row.envelope,
    headers: {
      'event-id': row.id,
      'event-type': row.type,
      'event-version': row.version,
      'agency-id': row.agencyId,
      ...(row.traceparent ? { traceparent: row.traceparent } : {}),
    },
  };
}
