import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { checkGatewaySignature, GATEWAY_SIGNATURE_HEADER } from '@kinerja/http-server';

import { subgraphFetcher } from '../src/subgraph-fetcher';

/** A subgraph stand-in that answers every request after `delayMs` with what it was sent, and counts them. */
async function startEchoSubgraph(delayMs: number) {
  const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ headers: req.headers, body });
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { call: seen.length, authorization: req.headers.authorization ?? null } }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    seen,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const QUERY = JSON.stringify({ query: 'query { me { id } }', variables: {} });
const MUTATION = JSON.stringify({ query: 'mutation { logout }', variables: {} });
const init = (body: string, authorization: string) => ({ method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });

describe("the gateway's subgraph fetcher", () => {
  let subgraph: Awaited<ReturnType<typeof startEchoSubgraph>>;
  beforeEach(async () => {
    subgraph = await startEchoSubgraph(100);
  });
  afterEach(() => subgraph.stop());

  it('sends identical queries of one token in flight at once to the subgraph once, each caller getting the answer', async () => {
    const fetch = subgraphFetcher({ timeoutMs: 5_000, deduplicate: true, maxSockets: 8 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => fetch(subgraph.url, init(QUERY, 'Bearer a')).then((r) => r.json())));
    expect(subgraph.seen).toHaveLength(1);
    expect(answers).toEqual(Array.from({ length: 5 }, () => ({ data: { call: 1, authorization: 'Bearer a' } })));
  });

  it('never shares an answer between two tokens', async () => {
    const fetch = subgraphFetcher({ timeoutMs: 5_000, deduplicate: true, maxSockets: 8 });
    const [a, b] = await Promise.all([fetch(subgraph.url, init(QUERY, 'Bearer a')), fetch(subgraph.url, init(QUERY, 'Bearer b'))]);
    expect(subgraph.seen).toHaveLength(2);
    expect((await a.json()).data.authorization).toBe('Bearer a');
    expect((await b.json()).data.authorization).toBe('Bearer b');
  });

  it('never shares an anonymous query: a public query may issue something per call (a one-time survey token)', async () => {
    const fetch = subgraphFetcher({ timeoutMs: 5_000, deduplicate: true, maxSockets: 8 });
    const anonymous = { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY };
    await Promise.all([fetch(subgraph.url, anonymous), fetch(subgraph.url, anonymous)]);
    expect(subgraph.seen).toHaveLength(2);
  });

  it('never shares a mutation, nor a query once its answer is in', async () => {
    const fetch = subgraphFetcher({ timeoutMs: 5_000, deduplicate: true, maxSockets: 8 });
    await Promise.all([fetch(subgraph.url, init(MUTATION, 'Bearer a')), fetch(subgraph.url, init(MUTATION, 'Bearer a'))]);
    expect(subgraph.seen).toHaveLength(2);
    await fetch(subgraph.url, init(QUERY, 'Bearer a'));
    await fetch(subgraph.url, init(QUERY, 'Bearer a'));
    expect(subgraph.seen).toHaveLength(4);
  });

  it('sends every request when deduplication is off', async () => {
    const fetch = subgraphFetcher({ timeoutMs: 5_000, deduplicate: false, maxSockets: 8 });
    await Promise.all([fetch(subgraph.url, init(QUERY, 'Bearer a')), fetch(subgraph.url, init(QUERY, 'Bearer a'))]);
    expect(subgraph.seen).toHaveLength(2);
  });

  it('gives up on a subgraph that does not answer in time', async () => {
    const fetch = subgraphFetcher({ timeoutMs: 30, deduplicate: true, maxSockets: 8 });
    await expect(fetch(subgraph.url, init(QUERY, 'Bearer a'))).rejects.toThrow('did not answer within 30 ms');
  });

  it('signs every request with the gateway secret, over the body it sends', async () => {
    const secret = 'the-gateway-signing-secret-of-32-characters';
    const fetch = subgraphFetcher({ timeoutMs: 5_000, deduplicate: true, maxSockets: 8, signingSecret: secret });
    await fetch(subgraph.url, init(QUERY, 'Bearer a'));
    await fetch(subgraph.url, init(MUTATION, 'Bearer a'));
    expect(subgraph.seen).toHaveLength(2);
    for (const { headers, body } of subgraph.seen) {
      expect(checkGatewaySignature([secret], headers[GATEWAY_SIGNATURE_HEADER] as string | undefined, body)).toBe('valid');
    }
  });

  it('sends no signature without a secret', async () => {
    const fetch = subgraphFetcher({ timeoutMs: 5_000, deduplicate: true, maxSockets: 8 });
    await fetch(subgraph.url, init(QUERY, 'Bearer a'));
    expect(subgraph.seen[0]?.headers[GATEWAY_SIGNATURE_HEADER]).toBeUndefined();
  });
});
