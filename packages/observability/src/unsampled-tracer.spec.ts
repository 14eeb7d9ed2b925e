import { context, isSpanContextValid, ROOT_CONTEXT, type Span, type SpanContext, trace, type Tracer } from '@opentelemetry/api';

import type { Telemetry } from './state';
import { startTelemetry } from './telemetry';

describe('the tracers of telemetry that exports nothing (unsampledTracer)', () => {
  let telemetry: Telemetry;
  let tracer: Tracer;
  beforeAll(() => {
    telemetry = startTelemetry({ serviceName: 'unit' });
    tracer = trace.getTracer('test');
  });
  afterAll(() => telemetry.shutdown());

  it('gives a span without a parent ids of its own, unrecorded', () => {
    const span = tracer.startSpan('root');
    expect(isSpanContextValid(span.spanContext())).toBe(true);
    expect(span.isRecording()).toBe(false);
  });

  it('makes a span inside another one that span (its ids), synchronously or after an await', async () => {
    const request = tracer.startSpan('request');
    const seen: SpanContext[] = [];
    await context.with(trace.setSpan(ROOT_CONTEXT, request), () =>
      tracer.startActiveSpan('phase', async (phase: Span) => {
        seen.push(phase.spanContext());
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(trace.getSpan(context.active())!.spanContext());
        seen.push(tracer.startSpan('inner').spanContext());
      }),
    );
    expect(seen.map((each) => [each.traceId, each.spanId])).toEqual(Array(3).fill([request.spanContext().traceId, request.spanContext().spanId]));
  });

  it('gives a span whose parent is from elsewhere (a caller, a message) ids of its own in that trace, active inside', () => {
    const remote = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: 0,
      isRemote: true,
    });
    const [opened, active] = tracer.startActiveSpan('consume', {}, remote, (span: Span) => [
      span.spanContext(),
      trace.getSpan(context.active())?.spanContext(),
    ]);
    expect(opened).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: expect.not.stringMatching('00f067aa0ba902b7') });
    expect(active).toEqual(opened);
    // A root span opened actively is the active one inside.
    const [root, inside] = tracer.startActiveSpan('root', (span: Span) => [span.spanContext(), trace.getSpan(context.active())?.spanContext()]);
    expect(inside).toEqual(root);
  });
});
