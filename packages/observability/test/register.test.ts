import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..');

/** What the child reports: which modules the require hook patched, and a span it made. */
const PROBE = `
const { isWrapped } = require('@opentelemetry/instrumentation');
const http = require('node:http');
const { Kafka } = require('kafkajs');
const { trace } = require('@opentelemetry/api');
const { shutdownTelemetry } = require('@kinerja/observability');
const span = trace.getTracer('probe').startSpan('probe-span');
const recording = span.isRecording();
span.end();
const report = {
  http: isWrapped(http.Server.prototype.emit),
  kafkajs: isWrapped(Kafka.prototype.producer),
  prisma: Boolean(globalThis.V6_PRISMA_INSTRUMENTATION || globalThis.PRISMA_INSTRUMENTATION),
  recording,
  traceId: span.spanContext().traceId,
};
shutdownTelemetry().then(() => {
  process.stdout.write(JSON.stringify(report));
  process.exit(0);
});
`;

interface Report {
  http: boolean;
  kafkajs: boolean;
  prisma: boolean;
  recording: boolean;
  traceId: string;
}

function probe(env: Record<string, string>): Promise<Report> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--require', '@kinerja/observability/register', '-e', PROBE],
      { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as Report)),
    );
  });
}

/** A stand-in OpenTelemetry collector: records what arrives at its OTLP/HTTP traces endpoint. */
function startCollector(): Promise<{ server: Server; url: string; received: { path: string; body: unknown }[] }> {
  const received: { path: string; body: unknown }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += String(chunk)));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received })),
  );
}

interface ExportedTraces {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { name: string; traceId: string }[] }[];
  }[];
}

describe('@kinerja/observability/register in a real process', () => {
  it('hooks http, kafkajs and Prisma before they load, exports over OTLP/HTTP and flushes on shutdown', async () => {
    const collector = await startCollector();
    try {
      // The batch processor would wait 30 s; only the flush in shutdownTelemetry() can deliver the span before the child exits.
      const report = await probe({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'probe', OTEL_BSP_SCHEDULE_DELAY: '30000' });
      expect(report).toMatchObject({ http: true, kafkajs: true, prisma: true, recording: true });
      expect(collector.received.map((request) => request.path)).toEqual(['/v1/traces']);
      const [{ resource, scopeSpans }] = (collector.received[0]!.body as ExportedTraces).resourceSpans as [ExportedTraces['resourceSpans'][number]];
      expect(resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'probe' } });
      expect(scopeSpans.flatMap((scope) => scope.spans)).toEqual([expect.objectContaining({ name: 'probe-span', traceId: report.traceId })]);
    } finally {
      collector.server.close();
    }
  });

  it('exports nothing without an endpoint, but still gives every span ids for the logs and traceparent (HTTP without its instrumentation: request-trace.test.ts)', async () => {
    const report = await probe({});
    expect(report).toMatchObject({ http: false, kafkajs: true, recording: false });
    expect(report.traceId).toMatch(/^(?!0{32})[0-9a-f]{32}$/);
  });

  it('starts nothing with OTEL_SDK_DISABLED=true', async () => {
    const report = await probe({ OTEL_SDK_DISABLED: 'true' });
    expect(report).toMatchObject({ http: false, kafkajs: false, prisma: false, recording: false, traceId: '00000000000000000000000000000000' });
  });

  it.each(['services/identity', 'services/performance', 'services/development', 'gateway'])('is the first import of %s/src/main.ts', (workspace) => {
    const source = readFileSync(join(REPO_ROOT, workspace, 'src', 'main.ts'), 'utf8');
    const firstImport = /^import [^;]+;/m.exec(source)?.[0];
    expect(firstImport).toBe("import '@kinerja/observability/register';");
  });
});
