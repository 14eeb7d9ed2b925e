import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Logger } from '@kinerja/logger';
import { processMetrics } from '@kinerja/observability';

import type { HttpServer } from './http-server';
import { sendJson } from './respond';

let dedicated = 0;

/**
 * True while this process serves its metrics on a port of their own. The application ports then
 * answer 404 on `/metrics`: the gateway's port is public (behind the Ingress) and the subgraphs'
 * ports admit only the gateway, so the scraper is let in on the metrics port alone.
 */
export function metricsOnOwnPort(): boolean {
  return dedicated > 0;
}

export interface MetricsServerOptions {
  host: string;
  /** METRICS_PORT; 0 = any free port. */
  port: number;
  logger: Logger;
}

/** `GET /metrics` of the process-wide registry (every service in the process), and nothing else. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<HttpServer> {
  const metrics = processMetrics();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) return sendJson(res, 404, { error: 'not found' });
    metrics.scrape().then(
      ({ contentType, body }) => {
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        options.logger.error({ err: error }, 'metrics scrape failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'scrape failed' });
        else res.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  dedicated += 1;
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  options.logger.info({ url: `${url}/metrics` }, 'metrics listening');
  let stopped = false;
  return {
    url,
    port,
    // Scrapes are short: close idle keep-alive connections at once, cut the rest after the grace period.
    stop: (graceMs = 2_000) =>
      new Promise<void>((resolve) => {
        if (!stopped) {
          stopped = true;
          dedicated -= 1;
        }
        const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
