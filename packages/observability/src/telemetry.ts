import type { IncomingMessage } from 'node:http';

import { context, diag, type DiagLogger, DiagLogLevel, propagation, ProxyTracerProvider, trace } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { AlwaysOffSampler, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { PrismaInstrumentation } from '@prisma/instrumentation';

import { linkSendSpanToCreationContext } from './kafka-links';
import { UNTRACED_PATHS } from './request-trace';
import { runningTelemetry, setRunningTelemetry, type Telemetry } from './state';
import { unsampledTracers } from './unsampled-tracer';

export interface TelemetryOptions {
  /** `service.name` of every span (identity, performance, development, gateway). */
  serviceName: string;
  /** OTLP/HTTP base URL, e.g. http://otel-collector:4318; spans go to `<endpoint>/v1/traces`. Unset: nothing is exported. */
  otlpEndpoint?: string | undefined;
  /** Replaces the OTLP exporter: tests pass a SimpleSpanProcessor over an InMemorySpanExporter. */
  spanProcessors?: SpanProcessor[];
}

export function tracesUrl(endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return base.endsWith('/v1/traces') ? base : `${base}/v1/traces`;
}

/** The SDK's own warnings (an unreachable collector, dropped spans) as JSON lines, like the pino logs beside them. */
function jsonDiagLogger(serviceName: string): DiagLogger {
  const write =
    (level: string) =>
    (message: string, ...args: unknown[]) =>
      void process.stderr.write(
        `${JSON.stringify({ level, time: new Date().toISOString(), service: serviceName, component: 'opentelemetry', msg: message, args: args.map(String) })}\n`,
      );
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug'), verbose: write('trace') };
}

/**
 * The instrumentations: HTTP only when spans are exported. Without an exporter its spans are never
 * recorded, yet it cost about a tenth of every request's CPU (attributes, bound emitters, wrapped
 * calls); the trace context it carried is kept by the servers and the gateway's subgraph calls
 * instead (request-trace.ts).
 */
export function createInstrumentations(exporting: boolean): Instrumentation[] {
  return [
    ...(exporting
      ? [
          new HttpInstrumentation({
            ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.has((req.url ?? '/').split('?', 1)[0] ?? '/'),
            requireParentforOutgoingSpans: true,
          }),
        ]
      : []),
    // The gateway calls the subgraphs with fetch (undici), which the http instrumentation does not see.
    new UndiciInstrumentation({ requireParentforSpans: true }),
    new KafkaJsInstrumentation({ producerHook: linkSendSpanToCreationContext }),
    new PrismaInstrumentation(),
  ];
}

/**
 * Starts the OpenTelemetry NodeSDK: W3C trace context and baggage, spans from incoming and outgoing
 * HTTP, fetch, Prisma and KafkaJS. Must run before those modules are loaded (see register.ts).
 *
 * Without an endpoint nothing is exported, but trace context still works: spans are created
 * unsampled (never recorded), so log lines carry trace and span ids and `traceparent` still goes
 * from the gateway to the subgraphs and into events; incoming and outgoing HTTP then carry it
 * without the HTTP instrumentation (request-trace.ts), and a span opened inside another one is
 * that one (unsampled-tracer.ts).
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (runningTelemetry()) throw new Error('telemetry is already started in this process');
  const exporting = Boolean(options.spanProcessors?.length || options.otlpEndpoint);
  const instrumentations = createInstrumentations(exporting);
  if (options.otlpEndpoint) diag.setLogger(jsonDiagLogger(options.serviceName), DiagLogLevel.WARN);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    textMapPropagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
    instrumentations,
    // Traces only: metrics are prom-client's (/metrics), logs are pino's (stdout). Without these
    // two the SDK would start OTLP metric and log exporters of its own.
    metricReaders: [],
    logRecordProcessors: [],
    ...(options.spanProcessors?.length
      ? { spanProcessors: options.spanProcessors }
      : options.otlpEndpoint
        ? { traceExporter: new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint) }) }
        : // Nothing sampled, so nothing recorded (the SDK wants a processor to install a provider at all): ids only.
          {
            spanProcessors: [{ forceFlush: async () => undefined, onStart: () => undefined, onEnd: () => undefined, shutdown: async () => undefined }],
            sampler: new AlwaysOffSampler(),
          }),
  });
  sdk.start();
  // Nothing recorded: a span inside another is that span (unsampled-tracer.ts).
  const tracers = trace.getTracerProvider();
  if (!exporting && tracers instanceof ProxyTracerProvider) tracers.setDelegate(unsampledTracers(tracers.getDelegate()));
  const telemetry: Telemetry = {
    exporting,
    instrumentations,
    shutdown: async () => {
      if (runningTelemetry() !== telemetry) return;
      setRunningTelemetry(null);
      try {
        await sdk.shutdown();
      } finally {
        for (const instrumentation of instrumentations) instrumentation.disable();
        // Leaves the process as it was, so telemetry can be started again (tests do).
        trace.disable();
        context.disable();
        propagation.disable();
        diag.disable();
      }
    },
  };
  setRunningTelemetry(telemetry);
  return telemetry;
}
