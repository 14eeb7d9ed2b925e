import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLogger, type Logger } from '@kinerja/logger';
import { injectTraceContext, inRequestTraceContext, startTelemetry, type Telemetry } from '@kinerja/observability';
import type { RunningSubgraph } from '@kinerja/subgraph';

import { graphql, startTinySubgraph } from './support/tiny-subgraph';

/**
 * Telemetry without an exporter leaves the HTTP instrumentation out: the servers (http-server) and
 * the gateway's subgraph calls keep the trace context themselves, so logs still carry trace ids
 * and a trace still goes from the gateway to the subgraphs.
 */
describe('the trace context of HTTP requests when nothing is exported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-request-trace-'));
  const file = join(dir, 'tiny.log');
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const traceparent = `00-${traceId}-00f067aa0ba902b7-01`;
  let telemetry: Telemetry;
  let logger: Logger;
  let subgraph: RunningSubgraph;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'tiny' });
    logger = createLogger({ name: 'tiny', destination: file });
    subgraph = await startTinySubgraph({ logger });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await telemetry?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const lineWhere = async (match: (line: Record<string, unknown>) => boolean) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await new Promise<void>((resolve, reject) => logger.flush((error) => (error ? reject(error) : resolve())));
      const line = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((text) => JSON.parse(text) as Record<string, unknown>)
        .find(match);
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  };

  it("gives a request's log lines the caller's trace and a span of the request's own", async () => {
    expect(telemetry.exporting).toBe(false);
    expect((await graphql(subgraph.graphqlUrl, '{ hello(name: "Sari") }', { traceparent })).errors).toBeUndefined();
    const greeting = await lineWhere((line) => line['msg'] === 'greeting' && line['name'] === 'Sari');
    expect(greeting).toMatchObject({ trace_id: traceId, span_id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(greeting?.['span_id']).not.toBe('00f067aa0ba902b7');
  });

  it('starts a trace of its own when the caller sent none', async () => {
    await graphql(subgraph.graphqlUrl, '{ hello(name: "Budi") }');
    const greeting = await lineWhere((line) => line['msg'] === 'greeting' && line['name'] === 'Budi');
    expect(greeting?.['trace_id']).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
  });

  it("passes the request's trace on to the calls it makes (unsampled), and leaves probes and calls outside a request alone", () => {
    const outgoing = inRequestTraceContext('POST', '/graphql', { traceparent }, () => {
      const headers: Record<string, string> = {};
      injectTraceContext(headers);
      return headers;
    });
    expect(outgoing['traceparent']).toMatch(new RegExp(`^00-${traceId}-(?!00f067aa0ba902b7)[0-9a-f]{16}-00$`));
    const probe = inRequestTraceContext('GET', '/readyz', { traceparent }, () => {
      const headers: Record<string, string> = {};
      injectTraceContext(headers);
      return headers;
    });
    expect(probe['traceparent']).toBeUndefined();
  });
});
