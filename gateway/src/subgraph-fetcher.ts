import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@kinerja/http-server';
import { injectTraceContext } from '@kinerja/observability';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetcherInit = NonNullable<Parameters<Fetcher>[1]>;

/** What a subgraph answered, kept whole so that every caller waiting on it gets a response of its own. */
export interface SubgraphAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

export interface SubgraphFetcherOptions {
  /** A subgraph that hangs must not hold the gateway's request forever. */
  timeoutMs: number;
  /** Identical queries in flight at once go to the subgraph once (see subgraphFetcher). */
  deduplicate: boolean;
  /** Kept-alive sockets per subgraph. */
  maxSockets: number;
  /** Signs each request (GATEWAY_SIGNING_SECRET) so that subgraphs know it came through the gateway. */
  signingSecret?: string | undefined;
}

/** Only what the data source reads of a subgraph's answer. */
const KEPT_HEADERS = ['content-type', 'cache-control'];

/** A query (not a mutation) as RemoteGraphQLDataSource serializes it: the query first. */
const isQuery = (body: string) => body.startsWith('{"query":"query') || body.startsWith('{"query":"{');

/**
 * The gateway's way to its subgraphs: plain node:http on kept-alive sockets (the default fetch
 * builds a WHATWG request and response around every call), and identical queries in flight at the
 * same moment sent once. Two requests are identical only with the same subgraph URL, the same
 * body (query and variables) and the same Authorization header: a caller only ever shares an
 * answer that was computed for their own token, so nobody sees what they could not have asked for.
 * Mutations and anonymous requests are never shared.
 */
export function subgraphFetcher(options: SubgraphFetcherOptions): Fetcher {
  const call = subgraphCaller(options);
  const fetcher = async (url: string, init: FetcherInit = {}) => {
    // The few members of a fetch Response that RemoteGraphQLDataSource reads, not a WHATWG Response:
    // building one per subgraph call and reading its JSON back through a stream is a measurable
    // share of the gateway's CPU per dashboard.
    return answerResponse(url, await call(url, init));
  };
  return fetcher as unknown as Fetcher;
}

/** A subgraph call as subgraphFetcher makes it, answering the status, the kept headers and the body text. */
export type SubgraphCall = (url: string, init?: FetcherInit) => Promise<SubgraphAnswer>;

/** The call behind subgraphFetcher: identical queries in flight share one answer. */
export function subgraphCaller(options: SubgraphFetcherOptions): SubgraphCall {
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: options.maxSockets }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: options.maxSockets }),
  };
  const inFlight = new Map<string, Promise<SubgraphAnswer>>();

  const send = (url: string, init: FetcherInit, body: string) =>
    new Promise<SubgraphAnswer>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const headers: Record<string, string> = {
        ...init.headers,
        'content-length': String(Buffer.byteLength(body)),
        ...(options.signingSecret ? { [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest(options.signingSecret, body) } : {}),
      };
      // The request's trace goes on to the subgraph (the HTTP instrumentation adds it when spans are exported).
      injectTraceContext(headers);
      const req = (secure ? httpsRequest : httpRequest)(
        target,
        { method: init.method ?? 'POST', headers, agent: secure ? agents.https : agents.http },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', fail);
          res.on('end', () => {
            clearTimeout(timer);
            resolve({
              status: res.statusCode ?? 502,
              statusText: res.statusMessage ?? '',
              headers: KEPT_HEADERS.flatMap((name) => {
                const value = res.headers[name];
                return typeof value === 'string' ? [[name, value] as [string, string]] : [];
              }),
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      timer = setTimeout(() => req.destroy(new Error(`the subgraph did not answer within ${options.timeoutMs} ms`)), options.timeoutMs);
      req.on('error', fail);
      req.end(body);
    });

  return async (url: string, init: FetcherInit = {}) => {
    const body = typeof init.body === 'string' ? init.body : (init.body?.toString('utf8') ?? '');
    // Only a signed-in caller's queries are shared: anonymous public queries may have an effect per
    // call (citizenSurveyToken issues a one-time token) and are limited per client address, so two
    // citizens asking at the same moment must each get their own answer.
    const authorization = init.headers?.['authorization'];
    const key = options.deduplicate && authorization && isQuery(body) ? `${url}\n${authorization}\n${body}` : undefined;
    let answer = key === undefined ? undefined : inFlight.get(key);
    if (!answer) {
      answer = send(url, init, body);
      if (key !== undefined) {
        inFlight.set(key, answer);
        const forget = () => inFlight.delete(key);
        answer.then(forget, forget);
      }
    }
    return answer;
  };
}

/**
 * The members of a fetch Response that Apollo's RemoteGraphQLDataSource reads (ok, status,
 * statusText, url, headers.get, json, text), over an answer; each caller parses its own copy.
 */
export function answerResponse(url: string, answer: SubgraphAnswer) {
  const headers = new Map(answer.headers.map(([name, value]) => [name.toLowerCase(), value]));
  return {
    url,
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    statusText: answer.statusText,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    json: async (): Promise<unknown> => JSON.parse(answer.body),
    text: async () => answer.body,
  };
}
