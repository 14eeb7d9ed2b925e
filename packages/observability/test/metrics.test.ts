import { createLogger } from '@kinerja/logger';
import { processMetrics } from '@kinerja/observability';
import type { RunningSubgraph } from '@kinerja/subgraph';

import { graphql, startTinySubgraph } from './support/tiny-subgraph';

describe('GET /metrics of a subgraph', () => {
  let subgraph: RunningSubgraph;
  let backlog = 7;

  beforeAll(async () => {
    subgraph = await startTinySubgraph({
      logger: createLogger({ name: 'tiny', level: 'silent' }),
      metrics: {
        outboxBacklog: async () => backlog,
        consumer: { isRunning: () => true, lag: () => 3 },
        dbPool: () => ({ total: 4, idle: 3, waiting: 1 }),
      },
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  const scrape = async () => {
    const response = await fetch(`${subgraph.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('answers Prometheus text with request and operation durations and errors by code, after GraphQL requests', async () => {
    expect((await graphql(subgraph.graphqlUrl, 'query Greet { hello(name: "Sari") }')).data).toEqual({ hello: 'Halo, Sari' });
    expect((await graphql(subgraph.graphqlUrl, 'query Secret { secret }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await graphql(subgraph.graphqlUrl, '{ nope }');
    const text = await scrape();
    expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{route="\/graphql",method="POST",status="200"\} 2$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{route="\/graphql",method="POST",status="400"\} 1$/m);
    expect(text).toMatch(/^graphql_operation_duration_seconds_count\{operation_name="Greet",operation_type="query"\} 1$/m);
    expect(text).toMatch(/^graphql_operation_duration_seconds_count\{operation_name="Secret",operation_type="query"\} 1$/m);
    expect(text).toMatch(/^graphql_operation_duration_seconds_count\{operation_name="invalid",operation_type="invalid"\} 1$/m);
    expect(text).toMatch(/^graphql_errors_total\{code="FORBIDDEN"\} 1$/m);
    expect(text).toMatch(/^graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1$/m);
  });

  it("reads the service's outbox backlog, consumer and database pool on each scrape", async () => {
    let text = await scrape();
    expect(text).toMatch(/^outbox_backlog\{service="tiny"\} 7$/m);
    expect(text).toMatch(/^consumer_running\{service="tiny"\} 1$/m);
    expect(text).toMatch(/^consumer_lag\{service="tiny"\} 3$/m);
    expect(text).toMatch(/^db_pool_connections\{service="tiny",state="idle"\} 3$/m);
    expect(text).toMatch(/^db_pool_connections\{service="tiny",state="waiting"\} 1$/m);
    backlog = 0;
    text = await scrape();
    expect(text).toMatch(/^outbox_backlog\{service="tiny"\} 0$/m);
  });

  it("carries Node's default process metrics", async () => {
    const text = await scrape();
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  it('labels requests by known routes only, never by the raw path', async () => {
    expect((await fetch(`${subgraph.url}/certificates/123.pdf`)).status).toBe(404);
    await fetch(`${subgraph.url}/healthz`);
    const text = await scrape();
    expect(text).toMatch(/^http_request_duration_seconds_count\{route="unmatched",method="GET",status="404"\} 1$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{route="\/healthz",method="GET",status="200"\} 1$/m);
    expect(text).not.toContain('123.pdf');
  });

  it("forgets a stopped subgraph's sources", async () => {
    const other = await startTinySubgraph({ name: 'other', logger: createLogger({ name: 'other', level: 'silent' }), metrics: { outboxBacklog: () => 5 } });
    expect((await processMetrics().scrape()).body).toMatch(/^outbox_backlog\{service="other"\} 5$/m);
    await other.stop();
    const { body } = await processMetrics().scrape();
    expect(body).not.toContain('service="other"');
    expect(body).toMatch(/^outbox_backlog\{service="tiny"\} \d+$/m);
  });
});
