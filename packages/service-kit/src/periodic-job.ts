import type { Logger } from '@kinerja/logger';

/** Work a service does on its own schedule; the kit starts it with the service and stops it before the database closes. */
export interface ServiceJob {
  readonly name: string;
  start(): void;
  /** Resolves once a run in flight has finished; no run starts afterwards. */
  stop(): Promise<void>;
}

/**
 * Runs `work` every `intervalMs` (0 = never), one run at a time: the next run is scheduled when the
 * previous one ends, so a slow run never overlaps itself. A failed run is logged and retried on the
 * next tick. Replicas each run their own job; `work` must be safe when they run at once.
 */
export class PeriodicJob implements ServiceJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || !this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.work()
        .then(
          () => undefined,
          (error: unknown) => this.logger.error({ err: error, job: this.name }, 'periodic job failed; retrying at the next tick'),
        )
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.intervalMs);
    // A pending tick never keeps the process alive on its own.
    this.timer.unref();
  }
}

/** What a counting job does each run: how many things it handled, and how that is logged when there were any. */
export interface CountedWork {
  run(): Promise<number>;
  /** The log line's field for the count (`claimed`, `sent`). */
  field: string;
  message: string;
}

/**
 * The usual job of a service: every `intervalSeconds`, work that counts what it handled (reminders
 * claimed, mails sent, cycles closed) and logs the count when there was any, under a logger whose
 * `component` is the job's name.
 */
export function countingJob(name: string, intervalSeconds: number, logger: Logger, work: CountedWork): PeriodicJob {
  const jobLogger = logger.child({ component: name });
  return new PeriodicJob(
    name,
    intervalSeconds * 1000,
    async () => {
      const count = await work.run();
      if (count > 0) jobLogger.info({ [work.field]: count }, work.message);
    },
    jobLogger,
  );
}
