import { createLogger } from '@kinerja/logger';

import { loadGatewayConfig } from '../../gateway/src/env';
import { type RunningGateway, startGateway } from '../../gateway/src/gateway';
import { type IdentityHarness, startIdentityOnPostgres } from '../../services/identity/test/identity-harness';
import { graphql, LOGIN } from '../support/graphql-client';

// Through the gateway behind one proxy (this test plays the ingress controller: every request
// comes from the same socket address and names its client in X-Forwarded-For), login throttling
// counts per real client and per account, never per the proxy everyone shares.
describe('login throttling through the gateway behind an ingress', () => {
  let identity: IdentityHarness;
  let gateway: RunningGateway;
  let url: string;

  beforeAll(async () => {
    identity = await startIdentityOnPostgres('throttle');
    const config = loadGatewayConfig({ PORT: '0', SUBGRAPH_IDENTITY_URL: identity.url, TRUSTED_PROXY_HOPS: '1' });
    gateway = await startGateway(config, createLogger({ name: 'gateway', level: 'silent' }));
    url = `${gateway.url}/graphql`;
  });
  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
  });

  const viaIngress = (input: Record<string, string>, forwardedFor: string) => graphql(url, LOGIN, { input }, undefined, { 'x-forwarded-for': forwardedFor });

  it('never locks out the province: many failures from many clients leave an unrelated correct login alone', async () => {
    for (let i = 0; i < 40; i += 1) {
      const result = await viaIngress({ email: `guess${i % 8}@kinerja.demo`, password: 'wrong' }, `198.51.100.${i}`);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const victim = await viaIngress({ email: 'employee.siulak@kinerja.demo', password: 'kinerja-demo' }, '203.0.113.50');
    expect(victim.errors).toBeUndefined();
    expect(victim.data?.['login'].accessToken).toEqual(expect.any(String));
  });

  it('counts one client on its own address, whatever it writes into X-Forwarded-For itself', async () => {
    // The client writes a new address each time; the ingress appends the one it really saw.
    for (let i = 0; i < 32; i += 1) await viaIngress({ email: `spray${i}@kinerja.demo`, password: 'wrong' }, `10.66.0.${i}, 192.0.2.9`);
    const sameClient = await viaIngress({ email: 'employee.sawahlunto@kinerja.demo', password: 'kinerja-demo' }, '10.66.1.1, 192.0.2.9');
    expect(sameClient.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'THROTTLED' });
    const otherClient = await viaIngress({ email: 'employee.sawahlunto@kinerja.demo', password: 'kinerja-demo' }, '192.0.2.10');
    expect(otherClient.errors).toBeUndefined();
    const counters = await identity.service.prisma.loginThrottle.findMany({ where: { key: { startsWith: 'ip:10.66.' } } });
    expect(counters).toEqual([]);
  });

  it('answers a NUL byte in the login with BAD_USER_INPUT and the field, through the gateway', async () => {
    const result = await viaIngress({ email: 'admin@kinerja.demo', password: 'kinerja\u0000demo' }, '192.0.2.77');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
  });
});
