import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';

import { gatewayEnvSchema } from '../src/env';
import { startGateway } from '../src/gateway';
import { codeOf, type EdgeGateway, post, SIGNED_IN, startEdgeGateway } from './support/edge-gateway';

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe.each([
  ['production', false],
  ['development', true],
  ['test', true],
])('GraphiQL and introspection with NODE_ENV=%s', (nodeEnv, served) => {
  let gateway: EdgeGateway;
  beforeAll(async () => {
    gateway = await startEdgeGateway({ NODE_ENV: nodeEnv });
  });
  afterAll(() => gateway.stop());

  it(served ? 'serves the GraphiQL page on /' : 'serves no GraphiQL page on /', async () => {
    const response = await fetch(gateway.url.replace(/\/graphql$/, '/'));
    const page = await response.text();
    expect(page.includes('GraphiQL')).toBe(served);
    expect((response.headers.get('content-type') ?? '').startsWith('text/html')).toBe(served);
  });

  it(served ? 'answers introspection' : 'refuses introspection', async () => {
    const answer = await post(gateway.url, { query: INTROSPECTION }, SIGNED_IN);
    if (served) expect(answer.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    else {
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('answers __typename either way', async () => {
    expect((await post(gateway.url, { query: '{ __typename }' })).body.data).toEqual({ __typename: 'Query' });
  });
});

describe('the gateway in production without a signing secret', () => {
  it('refuses to start: its subgraphs would refuse every request', async () => {
    const config = { ...loadConfig(gatewayEnvSchema, { PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'production' }), subgraphUrls: {} };
    await expect(startGateway(config, createLogger({ name: 'gateway', level: 'silent' }))).rejects.toThrow('GATEWAY_SIGNING_SECRET is required in production');
  });
});
