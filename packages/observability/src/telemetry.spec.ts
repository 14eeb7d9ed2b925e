import { context, isSpanContextValid, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

import { startTelemetry, tracesUrl } from './telemetry';

describe('startTelemetry', () => {
  it('without an endpoint records and exports nothing, but gives spans valid ids and propagates them', async () => {
    const telemetry = startTelemetry({ serviceName: 'unit' });
    try {
      expect(telemetry.exporting).toBe(false);
      const span = trace.getTracer('unit').startSpan('work');
      expect(span.isRecording()).toBe(false);
      expect(isSpanContextValid(span.spanContext())).toBe(true);
      const carrier: Record<string, string> = {};
      propagation.inject(trace.setSpan(context.active(), span), carrier);
      expect(carrier['traceparent']).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-00`);
      span.end();
    } finally {
      await telemetry.shutdown();
    }
  });

  it('hands spans to the given processors, refuses a second start, and can start again after shutdown', async () => {
    const exporter = new InMemorySpanExporter();
    const first = startTelemetry({ serviceName: 'unit', spanProcessors: [new SimpleSpanProcessor(exporter)] });
    expect(() => startTelemetry({ serviceName: 'again' })).toThrow(/already started/);
    trace.getTracer('unit').startSpan('recorded').end();
    expect(first.exporting).toBe(true);
    // Exported once the resource's detected attributes have settled.
    for (let attempt = 0; attempt < 100 && exporter.getFinishedSpans().length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(exporter.getFinishedSpans().map((span) => [span.name, span.resource.attributes['service.name']])).toEqual([['recorded', 'unit']]);
    await first.shutdown();
    const second = startTelemetry({ serviceName: 'unit' });
    await second.shutdown();
  });

  it('sends OTLP to <endpoint>/v1/traces', () => {
    expect(tracesUrl('http://otel-collector:4318')).toBe('http://otel-collector:4318/v1/traces');
    expect(tracesUrl('http://otel-collector:4318/')).toBe('http://otel-collector:4318/v1/traces');
    expect(tracesUrl('https://collector.example/v1/traces')).toBe('https://collector.example/v1/traces');
  });
});
