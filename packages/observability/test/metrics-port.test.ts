import { type HttpServer, startMetricsServer } from '@kinerja/http-server';
import { createLogger } from '@kinerja/logger';
import type { RunningSubgraph } from '@kinerja/subgraph';

import { graphql, startTinySubgraph } from './support/tiny-subgraph';

// METRICS_PORT: the scraper is let in on a port of its own, never on a GraphQL port (NetworkPolicy).
describe('metrics on a port of their own', () => {
  const logger = createLogger({ name: 'metrics-port', level: 'silent' });
  let first: RunningSubgraph;
  let second: RunningSubgraph;
  let metrics: HttpServer | undefined;

  beforeAll(async () => {
    // Two services in one process, as in the embedded mode: one registry, one metrics port.
    first = await startTinySubgraph({ name: 'first', logger, metrics: { outboxBacklog: () => 2 } });
    second = await startTinySubgraph({ name: 'second', logger, metrics: { outboxBacklog: () => 9 } });
    metrics = await startMetricsServer({ host: '127.0.0.1', port: 0, logger });
  });
  afterAll(async () => {
    await metrics?.stop();
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it("serves every service's metrics of the process on the metrics port", async () => {
    await graphql(first.graphqlUrl, 'query Greet { hello(name: "Sari") }');
    const response = await fetch(`${metrics?.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^outbox_backlog\{service="first"\} 2$/m);
    expect(text).toMatch(/^outbox_backlog\{service="second"\} 9$/m);
    expect(text).toMatch(/^graphql_operation_duration_seconds_count\{operation_name="Greet",operation_type="query"\} 1$/m);
  });

  it('serves nothing else there (no GraphQL, no health)', async () => {
    for (const path of ['/graphql', '/healthz', '/']) expect([path, (await fetch(`${metrics?.url}${path}`)).status]).toEqual([path, 404]);
  });

  it('no longer answers /metrics on the GraphQL ports, which still serve GraphQL and health', async () => {
    for (const subgraph of [first, second]) {
      expect((await fetch(`${subgraph.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${subgraph.url}/healthz`)).status).toBe(200);
    }
    expect((await graphql(second.graphqlUrl, '{ hello(name: "Budi") }')).data).toEqual({ hello: 'Halo, Budi' });
  });

  it('gives /metrics back to the application ports once the metrics port is closed (no METRICS_PORT)', async () => {
    await metrics?.stop();
    metrics = undefined;
    expect((await fetch(`${first.url}/metrics`)).status).toBe(200);
  });
});
