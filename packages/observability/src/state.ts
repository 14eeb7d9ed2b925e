import type { Instrumentation } from '@opentelemetry/instrumentation';

export interface Telemetry {
  /** True when spans are recorded and handed to an exporter (OTLP or the given processors). */
  readonly exporting: boolean;
  readonly instrumentations: readonly Instrumentation[];
  /** Flushes the spans not yet exported and stops the SDK; call it last in the shutdown sequence. */
  shutdown(): Promise<void>;
}

// Kept apart from telemetry.ts, which loads the SDK (over a second): processes and tests that
// never start telemetry can still ask for it, or shut it down, without paying for that.
let running: Telemetry | null = null;

/** The telemetry started in this process (by `register`), if any. */
export function runningTelemetry(): Telemetry | null {
  return running;
}

export function setRunningTelemetry(telemetry: Telemetry | null): void {
  running = telemetry;
}

/** Flushes and stops the process's telemetry; does nothing when none was started. Call it last when shutting down. */
export async function shutdownTelemetry(): Promise<void> {
  await running?.shutdown();
}
