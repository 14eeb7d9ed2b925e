import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';

import { ForwardingDataSource, type GatewayContext } from '../src/forwarding-data-source';
import { subgraphFetcher } from '../src/subgraph-fetcher';

/** A subgraph stand-in: /ok answers JSON with the Cache-Control asked for, /refuse a 401 in text; every request is kept. */
async function startSubgraph() {
  const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url?.startsWith('/refuse')) {
        res.writeHead(401, 'Unauthorized', { 'content-type': 'text/plain' });
        res.end('signature required');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': decodeURIComponent(req.url?.split('?cc=')[1] ?? '') });
      res.end(JSON.stringify({ data: { ok: true }, extensions: { seen: seen.length } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("the gateway's data source, against Apollo's RemoteGraphQLDataSource", () => {
  let subgraph: Awaited<ReturnType<typeof startSubgraph>>;
  beforeAll(async () => {
    subgraph = await startSubgraph();
  });
  afterAll(() => subgraph.stop());

  const fetcher = subgraphFetcher({ timeoutMs: 5_000, deduplicate: false, maxSockets: 4 });
  const context: GatewayContext = { authorization: 'Bearer t', requestId: 'req-1', clientAddress: '198.51.100.7' };
  /** Apollo's own data source with the same forwarding, as the gateway had it. */
  class ApolloForwarding extends RemoteGraphQLDataSource<GatewayContext> {
    override willSendRequest({ request, context: { authorization, requestId, clientAddress } }: GraphQLDataSourceProcessOptions<GatewayContext>) {
      if (authorization) request.http!.headers.set('authorization', authorization);
      request.http!.headers.set('x-request-id', requestId);
      request.http!.headers.set('x-forwarded-for', clientAddress);
    }
  }
  const call = async (source: RemoteGraphQLDataSource<GatewayContext>) => {
    const hints: unknown[] = [];
    const options = {
      kind: 'incoming operation',
      request: { query: 'query ($u: ID!) { a(u: $u) }', variables: { u: '1' }, operationName: 'A' },
      incomingRequestContext: { overallCachePolicy: { restrict: (hint: unknown) => hints.push(hint) } },
      context,
    } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
    const outcome = await source.process(options).then(
      ({ http, ...response }) => ({ response, status: http?.status }),
      (error: Error & { extensions?: unknown }) => ({ error: error.message, extensions: error.extensions }),
    );
    const { headers, body } = subgraph.seen[subgraph.seen.length - 1]!;
    const sent = Object.fromEntries(['content-type', 'authorization', 'x-request-id', 'x-forwarded-for'].map((name) => [name, headers[name]]));
    return { outcome, hints, sent, body };
  };

  it.each([
    ['an answer with its Cache-Control', '/ok?cc=max-age%3D30%2C%20public'],
    ['an answer without one', '/ok'],
    ['an answer marked private', '/ok?cc=private'],
    ['a refusal (not 2xx)', '/refuse'],
  ])('sends the same request and gives the same result for %s', async (_case, path) => {
    const url = `${subgraph.base}${path}`;
    const ours = await call(new ForwardingDataSource({ url, fetcher }));
    const apollos = await call(new ApolloForwarding({ url, fetcher }));
    // The answers differ only in which call to the stand-in they were.
    const seenless = ({ outcome, ...rest }: typeof ours) => ({
      ...rest,
      outcome: JSON.parse(JSON.stringify(outcome).replace(/"seen":\d+/, '"seen":0')) as unknown,
    });
    expect(seenless(ours)).toEqual(seenless(apollos));
    expect(JSON.parse(ours.body)).toEqual({ query: 'query ($u: ID!) { a(u: $u) }', variables: { u: '1' }, operationName: 'A' });
    expect(ours.sent).toEqual({ 'content-type': 'application/json', authorization: 'Bearer t', 'x-request-id': 'req-1', 'x-forwarded-for': '198.51.100.7' });
  });
});
