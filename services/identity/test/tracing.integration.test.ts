import { randomUUID } from 'node:crypto';

import { createLogger } from '@kinerja/logger';
import { ensureTopics, EventConsumer, KafkaTransport, type Transport } from '@kinerja/messaging';
import { startTelemetry, type Telemetry } from '@kinerja/observability';
import { context, type SpanContext, SpanKind, trace } from '@opentelemetry/api';

import { loadGatewayConfig } from '../../../gateway/src/env';
import { type RunningGateway, startGateway } from '../../../gateway/src/gateway';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '../../../packages/observability/test/support/in-memory-spans';
import { instrumentForJest } from '../../../packages/observability/test/support/instrument-in-jest';
import { graphql, login } from '../../../test/support/graphql-client';
import { testBrokers, waitFor } from '../../../test/support/kafka';
import { type IdentityHarness, startIdentityOnPostgres } from './identity-harness';

const logger = createLogger({ name: 'test', level: 'silent' });

/**
 * The broker is shared with other test files: each consumer group here (identity's own, and the
 * test's) is one of this run only, starting at the topics' current end.
 */
function runScoped(inner: KafkaTransport, run: string): Transport {
  return {
    kind: 'kafka',
    publish: (messages) => inner.publish(messages),
    subscribe: async (options) => {
      const groupId = `${options.groupId}.tracing-${run}`;
      const admin = inner.admin;
      await admin.connect();
      try {
        for (const topic of options.topics) await admin.resetOffsets({ groupId, topic, earliest: false });
      } finally {
        await admin.disconnect();
      }
      return inner.subscribe({ ...options, groupId });
    },
    close: () => inner.close(),
  };
}

/**
 * One request through the gateway to identity, which registers an employee and so writes an event
 * to its outbox; the relay sends it over a real Kafka broker to a consumer. Gateway, identity and
 * consumer share this process and an in-memory exporter; the spans must form one trace.
 */
describe('one trace from the gateway through identity and its database to the event consumer', () => {
  const exporter = new InMemorySpanExporter();
  let telemetry: Telemetry;
  let uninstrument: () => void;
  let kafka: KafkaTransport;
  let transport: Transport;
  let identity: IdentityHarness;
  let gateway: RunningGateway;
  let consumer: EventConsumer;
  const handled = new Map<string, SpanContext | undefined>();

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'tracing-test', spanProcessors: [new SimpleSpanProcessor(exporter)] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    uninstrument = instrumentForJest(telemetry, { http: require('node:http'), kafkajs: require('kafkajs') });
    const run = randomUUID().slice(0, 8);
    kafka = new KafkaTransport({ brokers: testBrokers(), clientId: `tracing-${run}`, logger });
    await ensureTopics(kafka.admin, { partitions: 3, replicationFactor: 1 });
    transport = runScoped(kafka, run);
    identity = await startIdentityOnPostgres('tracing', { transport });
    gateway = await startGateway(loadGatewayConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SUBGRAPH_IDENTITY_URL: identity.url }), logger);
    consumer = new EventConsumer({
      consumer: 'tracing-test',
      transport,
      logger,
      handlers: {
        'identity.employee.registered': async (event) => {
          handled.set(event.payload.employeeId, trace.getSpanContext(context.active()));
        },
      },
    });
    await consumer.start();
  });
  afterAll(async () => {
    await consumer?.stop();
    await gateway?.stop();
    await identity?.stop();
    await transport?.close();
    uninstrument?.();
    await telemetry?.shutdown();
  });

  it('joins gateway, subgraph, Prisma and consumer spans by one trace id; the Kafka send links to it', async () => {
    const url = `${gateway.url}/graphql`;
    const hr = await login(url, { email: 'hr.muaratebo@kinerja.demo' });
    const unit = (await graphql(url, '{ me { orgUnit { id } } }', {}, hr)).data?.['me'].orgUnit.id;
    const nip = `199703152022031${String(100 + Math.floor(Math.random() * 900))}`;
    // The caller's own span: the trace id every span of this request must carry.
    const { traceId, result } = await trace.getTracer('test').startActiveSpan('frontend', async (span) => {
      const result = await graphql(
        url,
        `mutation Register($u: ID!) { registerEmployee(input: { nip: "${nip}", name: "Dimas Anggara", employmentType: CPNS, orgUnitId: $u }) { id } }`,
        { u: unit },
        hr,
      );
      span.end();
      return { traceId: span.spanContext().traceId, result };
    });
    expect(result.errors).toBeUndefined();
    const employeeId: string = result.data?.['registerEmployee'].id;
    const consumed = await waitFor(async () => handled.get(employeeId), 30_000, 'the consumer to handle the event');

    // The handler ran inside the request's trace.
    expect(consumed?.traceId).toBe(traceId);
    const spans = await waitFor(async () => {
      const all = exporter.getFinishedSpans();
      return all.some((span) => span.spanContext().spanId === consumed?.spanId) && all.some((span) => span.kind === SpanKind.PRODUCER) && all;
    });
    const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);
    const byId = new Map(inTrace.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');
    const descendsFrom = (span: ReadableSpan, ancestor: ReadableSpan): boolean => {
      for (let parent = parentOf(span); parent; parent = parentOf(parent)) if (parent === ancestor) return true;
      return false;
    };
    const one = (what: string, match: (span: ReadableSpan) => boolean) => {
      const found = inTrace.filter(match);
      if (found.length !== 1) throw new Error(`expected one ${what} span in the trace, found ${found.length}:\n${listSpans(inTrace)}`);
      return found[0]!;
    };

    // Connected: every span but the caller's has its parent in the trace.
    const caller = one('caller', (span) => span.name === 'frontend');
    expect(inTrace.filter((span) => span !== caller && !parentOf(span)).map((span) => span.name)).toEqual([]);
    // caller → (fetch) → gateway server → Apollo gateway's plan and fetch → (node:http, kept-alive sockets) → identity server
    const gatewayServer = one('gateway server', (span) => span.kind === SpanKind.SERVER && parentOf(parentOf(span)!) === caller);
    const gatewayFetch = one('gateway.fetch', (span) => span.name === 'gateway.fetch');
    expect(descendsFrom(gatewayFetch, gatewayServer)).toBe(true);
    const identityServer = one('identity server', (span) => span.kind === SpanKind.SERVER && parentOf(parentOf(span)!) === gatewayFetch);
    expect(parentOf(identityServer)?.instrumentationScope.name).toBe('@opentelemetry/instrumentation-http');
    // identity's database work, Prisma's spans down to each SQL statement
    const queries = inTrace.filter((span) => span.name === 'prisma:client:db_query');
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.every((span) => descendsFrom(span, identityServer))).toBe(true);
    expect(inTrace.some((span) => span.name === 'prisma:client:transaction' && descendsFrom(span, identityServer))).toBe(true);
    // The consumer continues the context the event was created in (identity's request) and links to it.
    const delivery = one(
      'KafkaJS delivery',
      (span) => span.kind === SpanKind.CONSUMER && span.instrumentationScope.name === '@opentelemetry/instrumentation-kafkajs',
    );
    const creation = parentOf(delivery)!;
    expect(creation === identityServer || descendsFrom(creation, identityServer)).toBe(true);
    const processing = one('event processing', (span) => span.instrumentationScope.name === '@kinerja/messaging');
    expect(parentOf(processing)).toBe(delivery);
    expect(processing.links.map((link) => link.context.spanId)).toEqual([creation.spanContext().spanId]);
    expect(consumed?.spanId).toBe(processing.spanContext().spanId);
    // The relay sends later, for many requests at once: its send span is its own, linked to the creation.
    const send = spans.find((span) => span.kind === SpanKind.PRODUCER && span.links.some((link) => link.context.spanId === creation.spanContext().spanId));
    expect(send?.name).toBe('send identity.employee.registered');
    expect(send?.spanContext().traceId).not.toBe(traceId);
  });

  it("serves the request's metrics and identity's outbox, consumer and pool gauges on /metrics", async () => {
    const text = await (await fetch(`${identity.service.subgraph.url}/metrics`)).text();
    expect(text).toMatch(/^graphql_operation_duration_seconds_count\{operation_name="Register",operation_type="mutation"\} [1-9]/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{route="\/graphql",method="POST",status="200"\} [1-9]/m);
    expect(text).toMatch(/^outbox_backlog\{service="identity"\} \d+$/m);
    expect(text).toMatch(/^outbox_oldest_unsent_age_seconds\{service="identity"\} [\d.]+$/m);
    expect(text).toMatch(/^consumer_running\{service="identity"\} 1$/m);
    expect(text).toMatch(/^db_pool_connections\{service="identity",state="total"\} [1-9]/m);
  });
});

/** The trace as a list, for a failure message. */
function listSpans(spans: readonly ReadableSpan[]): string {
  return spans
    .map(
      (span) =>
        `${span.spanContext().spanId} <- ${span.parentSpanContext?.spanId ?? '-'} ${SpanKind[span.kind]} ${span.instrumentationScope.name} ${span.name}`,
    )
    .join('\n');
}
