import type { Link, Span } from '@opentelemetry/api';
import { propagation } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

import { linkSendSpanToCreationContext } from './kafka-links';

function fakeSpan(spanId: string): Span & { links: Link[] } {
  const links: Link[] = [];
  return {
    links,
    spanContext: () => ({ traceId: 'a'.repeat(32), spanId, traceFlags: 1 }),
    addLink(link: Link) {
      links.push(link);
      return this;
    },
  } as unknown as Span & { links: Link[] };
}

describe('linkSendSpanToCreationContext', () => {
  beforeAll(() => propagation.setGlobalPropagator(new W3CTraceContextPropagator()));
  afterAll(() => propagation.disable());

  const creation = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it('links the send span to the context the event was created in', () => {
    const span = fakeSpan('1111111111111111');
    linkSendSpanToCreationContext(span, { message: { headers: { traceparent: Buffer.from(creation) } } });
    expect(span.links).toEqual([{ context: expect.objectContaining({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' }) }]);
  });

  it('adds nothing when the header is the send span itself or absent', () => {
    const own = fakeSpan('00f067aa0ba902b7');
    linkSendSpanToCreationContext(own, { message: { headers: { traceparent: creation } } });
    const none = fakeSpan('1111111111111111');
    linkSendSpanToCreationContext(none, { message: {} });
    expect([...own.links, ...none.links]).toEqual([]);
  });
});
