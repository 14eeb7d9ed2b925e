import type { IncomingHttpHeaders } from 'node:http';

import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';

import { runningTelemetry } from './state';

/** Probes and scrapes are not worth a trace each. */
export const UNTRACED_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/** Whether requests get the light trace context here (telemetry runs and exports nothing: no HTTP instrumentation, see telemetry.ts). */
const light = () => runningTelemetry()?.exporting === false;

/**
 * Runs an incoming request's work in its trace context when telemetry runs without exporting: the
 * caller's `traceparent` continued (or a new trace), and an unsampled server span of its own, so
 * that log lines carry trace and span ids and the request's events and subgraph calls carry its
 * `traceparent`. When exporting, the HTTP instrumentation does this (and records the span); with
 * no telemetry, the work just runs.
 */
export function inRequestTraceContext<T>(method: string | undefined, path: string, headers: IncomingHttpHeaders, work: () => T): T {
  if (!light() || UNTRACED_PATHS.has(path)) return work();
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  // Never sampled (the SDK runs with AlwaysOffSampler then): never recorded, nothing to end.
  const span = trace.getTracer('@kinerja/observability').startSpan(method ?? 'GET', { kind: SpanKind.SERVER }, parent);
  return context.with(trace.setSpan(parent, span), work);
}

/**
 * Adds the active trace context (`traceparent`, `baggage`) to the headers of an outgoing call when
 * telemetry runs without exporting (no HTTP instrumentation to add it); otherwise leaves them alone.
 */
export function injectTraceContext(headers: Record<string, string>): void {
  if (light()) propagation.inject(context.active(), headers);
}
