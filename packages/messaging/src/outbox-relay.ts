import type { SqlRunner } from '@kinerja/database';
import type { EventEnvelope } from '@kinerja/events';
import type { Logger } from '@kinerja/logger';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';

import { toMessage } from './outbox';
import type { Transport } from './transport';

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
  envelope: EventEnvelope | string;
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
  /** A notify() arrived while a round was running: its rows may have committed after that round's SELECT. */
  private notifiedDuringDrain = false;
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
    // once, instead of the wake-up being lost and the rows waiting for the next poll.
    if (this.draining) this.notifiedDuringDrain = true;
    else this.schedule(0);
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
    if (this.stopped) return;
    // Joining a round already in flight (stop() or a test's drainOnce()) would miss rows committed after its SELECT.
    if (this.draining) {
      this.notifiedDuringDrain = true;
      await this.draining.catch(() => undefined);
      if (this.timer || this.stopped) return;
    }
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
      const [lock] = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK_KEY]);
      if (!lock?.locked) return 0;
      const rows = await tx.query<PendingRow>(
        'SELECT id::text AS id, topic, key, envelope FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED',
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      const messages = rows.map((row) =>
        toMessage(row.topic, row.key, typeof row.envelope === 'string' ? (JSON.parse(row.envelope) as EventEnvelope) : row.envelope),
      );
      await this.options.transport.publish(messages);
      await tx.query('UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::uuid[])', [rows.map((row) => row.id)]);
      return rows.length;
    });
  }
}
