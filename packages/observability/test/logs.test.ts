import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLogger, type Logger } from '@kinerja/logger';
import { startTelemetry, type Telemetry } from '@kinerja/observability';
import type { RunningSubgraph } from '@kinerja/subgraph';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

import { instrumentForJest } from './support/instrument-in-jest';
import { graphql, startTinySubgraph } from './support/tiny-subgraph';

describe('pino log lines written inside a request', () => {
  const exporter = new InMemorySpanExporter();
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-logs-'));
  const file = join(dir, 'tiny.log');
  let telemetry: Telemetry;
  let uninstrument: () => void;
  let logger: Logger;
  let subgraph: RunningSubgraph;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'tiny', spanProcessors: [new SimpleSpanProcessor(exporter)] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    uninstrument = instrumentForJest(telemetry, { http: require('node:http') });
    logger = createLogger({ name: 'tiny', destination: file });
    subgraph = await startTinySubgraph({ logger });
  });
  afterAll(async () => {
    await subgraph?.stop();
    uninstrument?.();
    await telemetry?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const lines = async () => {
    await new Promise<void>((resolve, reject) => logger.flush((error) => (error ? reject(error) : resolve())));
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  /** The first line that matches; the file is written asynchronously, so it may take a moment to appear. */
  const lineWhere = async (match: (line: Record<string, unknown>) => boolean) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const line = (await lines()).find(match);
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  };

  // The server span ends once the response is out, a moment after the client has it.
  const finished = async (match: (span: ReadableSpan) => boolean) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const span = exporter.getFinishedSpans().find(match);
      if (span) return span;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('span not finished');
  };

  it("carry the trace and span id of the request's server span", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const result = await graphql(subgraph.graphqlUrl, '{ hello(name: "Sari") }', { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(result.errors).toBeUndefined();
    const greeting = await lineWhere((line) => line['msg'] === 'greeting');
    const server = await finished((span) => span.kind === SpanKind.SERVER && span.spanContext().traceId === traceId);
    // The resolver ran inside the incoming request's span, which continued the caller's trace.
    expect(greeting).toMatchObject({ trace_id: traceId, span_id: server.spanContext().spanId, name: 'Sari', service: 'tiny' });
    expect(server.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });

  it('start a trace of their own when the caller sent none', async () => {
    await graphql(subgraph.graphqlUrl, '{ hello(name: "Budi") }');
    const greeting = await lineWhere((line) => line['msg'] === 'greeting' && line['name'] === 'Budi');
    expect(greeting?.['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(greeting?.['trace_id']).not.toBe('00000000000000000000000000000000');
    const server = await finished((span) => span.spanContext().spanId === greeting?.['span_id']);
    expect(server.kind).toBe(SpanKind.SERVER);
  });
});
