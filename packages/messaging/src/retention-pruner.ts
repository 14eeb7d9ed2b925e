import type { SqlRunner } from '@kinerja/database';
import type { Logger } from '@kinerja/logger';

import { TOPIC_RETENTION_DAYS } from './topics';

/**
 * How long sent outbox rows and processed-event ids are kept. Longer than the topics keep their
 * events (TOPIC_RETENTION_DAYS): as long as an event can still be delivered again (a redelivery, a
 * group reset to the earliest offset), its claim must still be there to make that harmless.
 */
export const DEFAULT_EVENT_RETENTION_DAYS = 14;

export interface RetentionPrunerOptions {
  sql: SqlRunner;
  logger: Logger;
  retentionDays?: number;
  /** Rows one statement deletes at most: short transactions, short row locks. */
  chunkSize?: number;
  /** Chunks per table and round at most, so one round never runs long; the rest waits for the next. */
  maxChunksPerRound?: number;
  intervalMs?: number;
}

export interface PruneResult {
  outboxRows: number;
  processedEvents: number;
}

// Each statement picks its chunk with SKIP LOCKED: replicas pruning at the same moment take
// different rows instead of waiting on each other, and never touch an unsent outbox row
// (`published_at < …` excludes NULL) or a row the relay holds.
const PRUNE_OUTBOX = `WITH gone AS (
  DELETE FROM outbox_event WHERE id IN (
    SELECT id FROM outbox_event WHERE published_at < now() - make_interval(days => $1::int)
    ORDER BY published_at LIMIT $2 FOR UPDATE SKIP LOCKED)
  RETURNING 1)
SELECT count(*)::int AS count FROM gone`;

const PRUNE_PROCESSED = `WITH gone AS (
  DELETE FROM processed_event WHERE (event_id, consumer) IN (
    SELECT event_id, consumer FROM processed_event WHERE processed_at < now() - make_interval(days => $1::int)
    ORDER BY processed_at LIMIT $2 FOR UPDATE SKIP LOCKED)
  RETURNING 1)
SELECT count(*)::int AS count FROM gone`;

/**
 * Keeps a service's event tables from growing for ever: sent outbox rows and processed-event ids
 * older than the retention are deleted, set-wise in bounded chunks, on a timer (hourly by default,
 * first a little after start, at a random moment so that replicas spread out). The cut-off is the
 * database's clock, one for every replica.
 */
export class RetentionPruner {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private running: Promise<PruneResult> | null = null;
  private readonly retentionDays: number;
  private readonly chunkSize: number;
  private readonly maxChunksPerRound: number;
  private readonly intervalMs: number;

  constructor(private readonly options: RetentionPrunerOptions) {
    this.retentionDays = options.retentionDays ?? DEFAULT_EVENT_RETENTION_DAYS;
    if (!Number.isInteger(this.retentionDays) || this.retentionDays <= TOPIC_RETENTION_DAYS) {
      throw new Error(`event retention must be a whole number of days above the topics' ${TOPIC_RETENTION_DAYS} (got ${this.retentionDays})`);
    }
    this.chunkSize = options.chunkSize ?? 5000;
    this.maxChunksPerRound = options.maxChunksPerRound ?? 100;
    this.intervalMs = options.intervalMs ?? 3_600_000;
  }

  start(): void {
    this.stopped = false;
    this.schedule(60_000 + Math.floor(Math.random() * 60_000));
  }

  /** One round over both tables; concurrent calls share it. */
  pruneOnce(): Promise<PruneResult> {
    this.running ??= this.round().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pruneOnce()
        .then(({ outboxRows, processedEvents }) => {
          if (outboxRows + processedEvents > 0)
            this.options.logger.info({ outboxRows, processedEvents, retentionDays: this.retentionDays }, 'event tables pruned');
        })
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'event tables not pruned; trying again next round'))
        .finally(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async round(): Promise<PruneResult> {
    return { outboxRows: await this.prune(PRUNE_OUTBOX), processedEvents: await this.prune(PRUNE_PROCESSED) };
  }

  private async prune(statement: string): Promise<number> {
    let total = 0;
    for (let chunk = 0; chunk < this.maxChunksPerRound; chunk += 1) {
      const [row] = await this.options.sql.query<{ count: number }>(statement, [this.retentionDays, this.chunkSize]);
      const deleted = Number(row?.count ?? 0);
      total += deleted;
      if (deleted < this.chunkSize) break;
    }
    return total;
  }
}
