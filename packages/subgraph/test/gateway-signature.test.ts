import { ANONYMOUS, type TokenVerifier } from '@kinerja/auth';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@kinerja/http-server';
import { createLogger } from '@kinerja/logger';
import { buildSchema } from 'graphql';

import { type RunningSubgraph, startSubgraph } from '../src/start-subgraph';

const SECRET = 'the-current-gateway-secret-of-32-characters';
const PREVIOUS = 'the-previous-gateway-secret-of-32-characters';
const BODY = JSON.stringify({ query: '{ __typename }' });

// Token verification is not what these tests are about: every caller is anonymous.
const anonymous: TokenVerifier = { viewerFrom: async () => ANONYMOUS } as unknown as TokenVerifier;

async function start(gatewaySecrets?: string[]): Promise<RunningSubgraph> {
  return startSubgraph({
    name: 'signature-test',
    schema: buildSchema('type Query { hello: String }'),
    host: '127.0.0.1',
    port: 0,
    logger: createLogger({ name: 'signature-test', level: 'silent' }),
    verifier: anonymous,
    extendContext: (base) => base,
    readiness: async () => ({ ok: true }),
    ...(gatewaySecrets ? { gatewaySecrets } : {}),
  });
}

async function post(url: string, body: string, signature?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { [GATEWAY_SIGNATURE_HEADER]: signature } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions: Record<string, unknown> }[] } };
}

describe('a subgraph that holds the gateway signing secret', () => {
  let subgraph: RunningSubgraph;
  beforeAll(async () => {
    subgraph = await start([SECRET, PREVIOUS]);
  });
  afterAll(() => subgraph.stop());

  it('answers a request the gateway signed', async () => {
    expect(await post(subgraph.graphqlUrl, BODY, signGatewayRequest(SECRET, BODY))).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('answers a request signed with the previous secret, during a rotation', async () => {
    expect((await post(subgraph.graphqlUrl, BODY, signGatewayRequest(PREVIOUS, BODY))).status).toBe(200);
  });

  it.each([
    ['without a signature', undefined, 'missing'],
    ['signed for another body', signGatewayRequest(SECRET, JSON.stringify({ query: '{ hello }' })), 'invalid'],
    ['signed with another secret', signGatewayRequest('a-secret-the-gateway-never-had-32-chars', BODY), 'invalid'],
    ['signed ten minutes ago (a replay)', signGatewayRequest(SECRET, BODY, Date.now() - 10 * 60_000), 'expired'],
  ])('refuses a request %s with 401 and a coded reason, before executing it', async (_name, signature, check) => {
    const answer = await post(subgraph.graphqlUrl, BODY, signature);
    expect(answer.status).toBe(401);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'GATEWAY_SIGNATURE_REQUIRED', signature: check });
  });

  it('refuses an unsigned GET query too', async () => {
    const response = await fetch(`${subgraph.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(response.status).toBe(401);
  });

  it('still answers its health checks unsigned (the kubelet calls them)', async () => {
    expect((await fetch(`${subgraph.url}/readyz`)).status).toBe(200);
  });
});

describe('a subgraph without the secret (development and tests)', () => {
  let subgraph: RunningSubgraph;
  beforeAll(async () => {
    subgraph = await start();
  });
  afterAll(() => subgraph.stop());

  it('answers unsigned requests', async () => {
    expect(await post(subgraph.graphqlUrl, BODY)).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});
