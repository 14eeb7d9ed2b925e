import { propagation, ROOT_CONTEXT, type Span, trace } from '@opentelemetry/api';

interface SentMessage {
  message: { headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined> };
}

/**
 * KafkaJS instrumentation's producer hook. An event is created in a request (the outbox row, with
 * that request's `traceparent`) and sent later by the outbox relay: the send span belongs to the
 * relay's work, so it links to the context the message carries — the consumer continues that
 * one, and the request's trace reaches the consumer. @kinerja/messaging keeps the creation context
 * in the header (KafkaJS instrumentation would otherwise replace it by the send span's).
 */
export function linkSendSpanToCreationContext(span: Span, { message }: SentMessage): void {
  const header = message.headers?.['traceparent'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return;
  const creation = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent: value.toString() }));
  if (creation && creation.spanId !== span.spanContext().spanId) span.addLink({ context: creation });
}
