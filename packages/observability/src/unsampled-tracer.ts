import { type Context, context, isSpanContextValid, type Span, type SpanOptions, trace, type Tracer, type TracerProvider } from '@opentelemetry/api';

/**
 * A tracer for telemetry that records nothing: a span opened inside another one of this process
 * (Apollo Gateway opens six a request, Prisma and KafkaJS theirs) is the span it is in, with its
 * ids, instead of a new unsampled span that nobody will ever see (new ids, a sampler call and a
 * context switch each). A span with no parent, or with one from elsewhere (a caller's traceparent,
 * an event's), gets ids of its own from `inner`: a trace still starts, and each process's part of
 * it has a span id of its own.
 */
export function unsampledTracer(inner: Tracer): Tracer {
  const startSpan = (name: string, options?: SpanOptions, parent: Context = context.active()): Span => {
    const parentContext = trace.getSpanContext(parent);
    return parentContext && isSpanContextValid(parentContext) && !parentContext.isRemote
      ? trace.wrapSpanContext({ ...parentContext, isRemote: false })
      : inner.startSpan(name, options, parent);
  };
  function startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    ...rest: [F] | [SpanOptions | undefined, F] | [SpanOptions | undefined, Context | undefined, F]
  ): ReturnType<F> {
    const fn = rest[rest.length - 1] as F;
    const options = rest.length > 1 ? (rest[0] as SpanOptions | undefined) : undefined;
    const active = context.active();
    const parent = rest.length > 2 ? ((rest[1] as Context | undefined) ?? active) : active;
    const span = startSpan(name, options, parent);
    // Already the active span's context: nothing to switch to.
    if (parent === active && trace.getSpan(active)?.spanContext() === span.spanContext()) return fn(span) as ReturnType<F>;
    return context.with(trace.setSpan(parent, span), () => fn(span)) as ReturnType<F>;
  }
  return { startSpan, startActiveSpan: startActiveSpan as Tracer['startActiveSpan'] };
}

/** The provider's tracers as unsampledTracer. */
export const unsampledTracers = (provider: TracerProvider): TracerProvider => ({
  getTracer: (name, version, options) => unsampledTracer(provider.getTracer(name, version, options)),
});
