import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { DomainError } from '@kinerja/errors';
import type { Logger } from '@kinerja/logger';
import { inRequestTraceContext, processMetrics } from '@kinerja/observability';

import { metricsOnOwnPort } from './metrics-server';
import { runInRequestScope } from './request-scope';
import { requestTargetOf } from './request-target';
import { sendJson } from './respond';
import { matchRoute, type Routes } from './routes';

/** Named checks; the process is ready when every one answers true. */
export type Readiness = () => Promise<Record<string, boolean>>;

export interface GraphQLRoute<Context extends BaseContext> {
  paths: readonly string[];
  apollo: ApolloServer<Context>;
  /** Builds the per-request context; a DomainError thrown here answers with its code (e.g. 401). */
  context(req: IncomingMessage, requestId: string): Promise<Context>;
  /**
   * Checks a request before anything of it is parsed or executed, given its body (a POST) or its
   * query string (a GET): a DomainError returned here answers with its code (401 for UNAUTHENTICATED).
   */
  admit?(req: IncomingMessage, payload: string): DomainError | undefined;
}

export interface HttpServerOptions<Context extends BaseContext> {
  host: string;
  port: number;
  logger: Logger;
  graphql: GraphQLRoute<Context>;
  readiness: Readiness;
  /** Extra GET routes by exact path (the JWKS, the GraphiQL page) or by prefix (`/documents/*`). */
  routes?: Routes;
  /** Largest request body, or a limit per request (read from its headers before the body). */
  maxBodyBytes?: number | ((req: IncomingMessage) => number);
  /**
   * Where request ids come from. `issue` (the default, the edge): the server issues every id and a
   * client's `x-request-id` is kept apart as `client-request-id`, never used as the id. `upstream`
   * (a subgraph behind the gateway): the id the gateway sent is kept, so that one id follows a
   * request through the gateway, every subgraph, their logs and the audit trail.
   */
  requestIds?: 'issue' | 'upstream';
}

export interface HttpServer {
  url: string;
  port: number;
  /** Stops accepting connections and waits for requests in flight (at most `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** Reads the body up to `limit` bytes; past it, stops reading (the rest is never buffered). */
async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new Error('BODY_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('BODY_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendRefusal(res: ServerResponse, error: DomainError) {
  const status = error.code === 'UNAUTHENTICATED' ? 401 : 400;
  sendJson(res, status, { errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] });
}

async function serveGraphQL<Context extends BaseContext>(
  route: GraphQLRoute<Context>,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  limit: number,
  search: string,
) {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const raw = req.method === 'POST' ? await readBody(req, limit) : '';
  const refusal = route.admit?.(req, req.method === 'POST' ? raw : search);
  if (refusal) return sendRefusal(res, refusal);
  let body: unknown = raw;
  if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
  }
  let context: Context;
  try {
    context = await route.context(req, requestId);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return sendRefusal(res, error);
  }
  const result = await route.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
    context: async () => context,
  });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.setHeader('x-request-id', requestId);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

const REQUEST_ID = /^[\w.-]{1,100}$/;

/**
 * The request's id, and the id the client sent if it sent a well-formed one. At the edge the id is
 * always the server's own: a client cannot choose the id its changes are audited under.
 */
export function requestIdsOf(req: Pick<IncomingMessage, 'headers'>, source: 'issue' | 'upstream'): { requestId: string; clientRequestId: string | null } {
  const incoming = req.headers['x-request-id'];
  const wellFormed = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : null;
  if (source === 'upstream') return { requestId: wellFormed ?? randomUUID(), clientRequestId: null };
  const sentByClient = req.headers['client-request-id'];
  const clientRequestId = wellFormed ?? (typeof sentByClient === 'string' && REQUEST_ID.test(sentByClient) ? sentByClient : null);
  return { requestId: randomUUID(), clientRequestId };
}

/** Served by every process: liveness, readiness, Prometheus metrics (unless on a port of their own: metrics-server.ts). */
const BUILT_IN_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export async function startHttpServer<Context extends BaseContext>(options: HttpServerOptions<Context>): Promise<HttpServer> {
  const { logger, graphql, readiness, routes = {}, maxBodyBytes = 1_000_000, requestIds = 'issue' } = options;
  const bodyLimit = typeof maxBodyBytes === 'number' ? () => maxBodyBytes : maxBodyBytes;
  const graphqlPaths = new Set(graphql.paths);
  const metrics = processMetrics();
  // The route label of a request: a known path, never the raw one (a label per URL would grow without end).
  const routeOf = (path: string, method: string | undefined): string => {
    if (BUILT_IN_PATHS.has(path) || graphqlPaths.has(path)) return path;
    return (method === 'GET' && matchRoute(routes, path)?.key) || 'unmatched';
  };

  const server = createServer((req, res) => {
    const { requestId, clientRequestId } = requestIdsOf(req, requestIds);
    res.setHeader('x-request-id', requestId);
    if (clientRequestId) res.setHeader('client-request-id', clientRequestId);
    const { pathname: path, search } = requestTargetOf(req.url);
    const observe = metrics.httpRequestDuration.startTimer({ route: routeOf(path, req.method), method: req.method ?? 'GET' });
    res.once('close', () => observe({ status: String(res.statusCode) }));
    const scope = { requestId, acceptLanguage: req.headers['accept-language'], ...(clientRequestId ? { clientRequestId } : {}) };
    inRequestTraceContext(req.method, path, req.headers, () =>
      runInRequestScope(scope, async () => {
        try {
          if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
          if (path === '/metrics' && req.method === 'GET' && !metricsOnOwnPort()) {
            const { contentType, body } = await metrics.scrape();
            res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
            res.end(body);
            return;
          }
          if (path === '/readyz') {
            const checks = await readiness().catch(() => ({ readiness: false }));
            const ready = Object.values(checks).every(Boolean);
            return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
          }
          const route = req.method === 'GET' ? matchRoute(routes, path) : undefined;
          if (route) return await route.handler(req, res);
          if (graphqlPaths.has(path)) return await serveGraphQL(graphql, req, res, requestId, bodyLimit(req), search);
          return sendJson(res, 404, { error: 'not found' });
        } catch (error) {
          // Closing the connection after the answer: Node would otherwise read (and discard) the rest of the body.
          if ((error as Error).message === 'BODY_TOO_LARGE')
            return sendJson(res, 413, { errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }, { connection: 'close' });
          logger.error({ err: error, requestId, clientRequestId, path }, 'request failed');
          if (!res.headersSent)
            sendJson(res, 500, {
              errors: [{ message: `Internal server error (request id ${requestId})`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
            });
          else res.end();
        }
      }),
    );
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    // Stop accepting, let requests in flight finish, and close keep-alive connections as soon as
    // they go idle (they would otherwise hold close() for the keep-alive timeout); after the grace
    // period whatever is still open is cut.
    stop: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        const sweeper = setInterval(() => server.closeIdleConnections(), 50);
        const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearInterval(sweeper);
          clearTimeout(deadline);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
