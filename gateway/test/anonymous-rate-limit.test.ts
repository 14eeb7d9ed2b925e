import { codeOf, type EdgeGateway, post, SIGNED_IN, startEdgeGateway } from './support/edge-gateway';

const VERIFY = { query: 'query ($n: String!) { verifyCertificate(number: $n) { valid } }', variables: { n: 'KNJ/1A2B3C4D/2026/000042-K' } };
const ME = { query: '{ me { name } }' };

/** A bucket of 3 that takes about 17 minutes to refill one token: nothing refills during a test. */
const LIMITS = { ANONYMOUS_RATE_LIMIT_BURST: '3', ANONYMOUS_RATE_LIMIT_PER_SECOND: '0.001' };

describe('rate limit on anonymous and public operations, per client address', () => {
  describe('with no proxy trusted (TRUSTED_PROXY_HOPS=0)', () => {
    let gateway: EdgeGateway;
    beforeEach(async () => {
      gateway = await startEdgeGateway(LIMITS);
    });
    afterEach(() => gateway.stop());

    it('refuses the anonymous caller past its burst with 429 RATE_LIMITED and Retry-After, before any subgraph', async () => {
      for (let n = 0; n < 3; n += 1) expect(codeOf(await post(gateway.url, VERIFY))).not.toBe('RATE_LIMITED');
      const calls = gateway.subgraphCalls.length;
      const refused = await post(gateway.url, VERIFY);
      expect(refused.status).toBe(429);
      expect(codeOf(refused)).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(gateway.subgraphCalls).toHaveLength(calls);
    });

    it('charges each aliased root field, so one request cannot pack many checks', async () => {
      const query = `{ ${[0, 1, 2, 3].map((k) => `v${k}: verifyCertificate(number: "${k}") { valid }`).join(' ')} }`;
      expect(codeOf(await post(gateway.url, { query }))).toBe('RATE_LIMITED');
    });

    it('does not believe a client-set X-Forwarded-For', async () => {
      for (let n = 0; n < 3; n += 1) await post(gateway.url, VERIFY, { 'x-forwarded-for': `198.51.100.${n}` });
      expect(codeOf(await post(gateway.url, VERIFY, { 'x-forwarded-for': '198.51.100.99' }))).toBe('RATE_LIMITED');
    });

    it('limits public fields for signed-in callers too, and nothing else of theirs', async () => {
      for (let n = 0; n < 3; n += 1) await post(gateway.url, VERIFY, SIGNED_IN);
      expect(codeOf(await post(gateway.url, VERIFY, SIGNED_IN))).toBe('RATE_LIMITED');
      for (let n = 0; n < 5; n += 1) expect(codeOf(await post(gateway.url, ME, SIGNED_IN))).not.toBe('RATE_LIMITED');
      // Anonymous, the same non-public operation is charged (the bucket is empty by now).
      expect(codeOf(await post(gateway.url, ME))).toBe('RATE_LIMITED');
    });

    it('never charges __typename', async () => {
      for (let n = 0; n < 10; n += 1) expect((await post(gateway.url, { query: '{ __typename }' })).status).toBe(200);
    });
  });

  describe('behind one trusted proxy (TRUSTED_PROXY_HOPS=1)', () => {
    let gateway: EdgeGateway;
    beforeAll(async () => {
      gateway = await startEdgeGateway({ ...LIMITS, TRUSTED_PROXY_HOPS: '1' });
    });
    afterAll(() => gateway.stop());

    it('keeps a bucket per address the proxy appended, whatever the client wrote before it', async () => {
      const from = (client: string, spoofed = '6.6.6.6') => ({ 'x-forwarded-for': `${spoofed}, ${client}` });
      for (let n = 0; n < 3; n += 1) await post(gateway.url, VERIFY, from('203.0.113.1', `10.0.0.${n}`));
      expect(codeOf(await post(gateway.url, VERIFY, from('203.0.113.1', '10.9.9.9')))).toBe('RATE_LIMITED');
      expect(codeOf(await post(gateway.url, VERIFY, from('203.0.113.2')))).not.toBe('RATE_LIMITED');
    });
  });
});
