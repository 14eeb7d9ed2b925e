import type { Logger } from '@kinerja/logger';

export interface ShutdownOptions {
  logger: Logger;
  /** The process's ordered shutdown: servers, consumers and relay, transport, telemetry last. */
  stop(): Promise<void>;
  /**
   * Should a step hang, the process leaves anyway (exit code 1) after this long: before
   * Kubernetes' grace period (40 s, minus the 5 s preStop pause) ends in SIGKILL. The outbox keeps
   * what was not sent, and uncommitted offsets are read again.
   */
  timeoutMs?: number;
  /** For tests: where the signals come from and how the process exits. */
  signals?: Pick<NodeJS.EventEmitter, 'on'>;
  exit?: (code: number) => void;
}

export const SHUTDOWN_TIMEOUT_MS = 20_000;

/**
 * Runs `stop` once on the first SIGTERM or SIGINT, then exits: 0 when it finished, 1 when it failed
 * or outlasted `timeoutMs`. Returns the shutdown function (for a signal of the caller's own).
 */
export function shutdownOnSignals(options: ShutdownOptions): (signal: string) => void {
  const { logger, timeoutMs = SHUTDOWN_TIMEOUT_MS, signals = process, exit = (code: number) => process.exit(code) } = options;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ signal, timeoutMs }, 'shutdown timed out');
      exit(1);
    }, timeoutMs).unref();
    options.stop().then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  signals.on('SIGTERM', () => shutdown('SIGTERM'));
  signals.on('SIGINT', () => shutdown('SIGINT'));
  return shutdown;
}
