import { graphql, LOGIN } from '../../../test/support/graphql-client';
import { type IdentityHarness, startIdentityOnPostgres } from './identity-harness';

describe('identity login, tokens and sessions', () => {
  let identity: IdentityHarness;
  beforeAll(async () => {
    identity = await startIdentityOnPostgres('auth');
  });
  afterAll(() => identity?.stop());

  const REFRESH = `mutation ($token: String!) { refreshToken(token: $token) { accessToken refreshToken } }`;
  const loginAs = (input: Record<string, string>, address = '10.0.0.1') => graphql(identity.url, LOGIN, { input }, undefined, { 'x-forwarded-for': address });

  it('logs in by NIP and by e-mail, with the roles in the token', async () => {
    const hr = identity.accounts.find((account) => account.role === 'HR_ADMIN' && account.login.includes('siulak'))!;
    const byNip = await loginAs({ nip: hr.nip!, password: 'kinerja-demo' });
    const byEmail = await loginAs({ email: hr.login, password: 'kinerja-demo' });
    for (const result of [byNip, byEmail]) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.['login'].viewer.roles).toEqual([{ role: 'HR_ADMIN', agencyId: expect.any(String) }]);
      expect(result.data?.['login'].viewer.employee.name).toBeTruthy();
    }
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const unknown = await loginAs({ email: 'nobody@kinerja.demo', password: 'kinerja-demo' }, '10.0.0.2');
    const wrong = await loginAs({ email: 'admin@kinerja.demo', password: 'wrong-password' }, '10.0.0.3');
    expect(unknown.errors?.[0]).toEqual(wrong.errors?.[0]);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('slows down repeated failures for one login, whether or not the account exists', async () => {
    for (const email of ['employee.kotalama@kinerja.demo', 'ghost@kinerja.demo']) {
      for (let i = 0; i < 5; i += 1) await loginAs({ email, password: 'nope' }, `10.1.0.${i}`);
      const sixth = await loginAs({ email, password: 'nope' }, '10.1.1.1');
      expect(sixth.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const throttled = await loginAs({ email, password: 'kinerja-demo' }, '10.1.1.2');
      expect(throttled.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'THROTTLED', retryAfterSeconds: expect.any(Number) });
    }
  });

  it('slows down many failures from one address across logins', async () => {
    for (let i = 0; i < 30; i += 1) await loginAs({ email: `spray${i}@kinerja.demo`, password: 'nope' }, '10.9.9.9');
    await loginAs({ email: 'spray-last@kinerja.demo', password: 'nope' }, '10.9.9.9');
    const result = await loginAs({ email: 'admin@kinerja.demo', password: 'kinerja-demo' }, '10.9.9.9');
    expect(result.errors?.[0]?.extensions?.reason).toBe('THROTTLED');
    expect((await loginAs({ email: 'admin@kinerja.demo', password: 'kinerja-demo' }, '10.9.9.10')).errors).toBeUndefined();
  });

  it('counts every one of many wrong logins sent at the same time', async () => {
    const email = 'head.muaratebo@kinerja.demo';
    const results = await Promise.all(Array.from({ length: 20 }, () => loginAs({ email, password: 'nope' }, '10.3.0.1')));
    for (const result of results) expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const counters = await identity.service.prisma.loginThrottle.findMany({ where: { key: { in: [`id:${email}`, 'ip:10.3.0.1'] } }, orderBy: { key: 'asc' } });
    expect(counters.map((counter) => [counter.key, counter.failures])).toEqual([
      [`id:${email}`, 20],
      ['ip:10.3.0.1', 20],
    ]);
    // 20 failures, 15 past the free ones: the longest wait (15 minutes), not the first second.
    const next = await loginAs({ email, password: 'kinerja-demo' }, '10.3.0.2');
    expect(next.errors?.[0]?.extensions).toMatchObject({ reason: 'THROTTLED', retryAfterSeconds: expect.any(Number) });
    expect(next.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(890);
  });

  it('starts counting again once the window of earlier failures has passed', async () => {
    const key = 'id:employee.muaratebo@kinerja.demo';
    const longAgo = new Date(Date.now() - 16 * 60_000);
    await identity.service.prisma.loginThrottle.create({ data: { key, failures: 12, windowStart: longAgo, blockedUntil: longAgo } });
    await loginAs({ email: 'employee.muaratebo@kinerja.demo', password: 'nope' }, '10.4.0.1');
    const counter = await identity.service.prisma.loginThrottle.findUniqueOrThrow({ where: { key } });
    expect(counter).toMatchObject({ failures: 1, blockedUntil: null });
    expect(counter.windowStart.getTime()).toBeGreaterThan(longAgo.getTime());
  });

  it('rotates refresh tokens and revokes the family when a spent one is replayed', async () => {
    const first = (await loginAs({ email: 'auditor@kinerja.demo', password: 'kinerja-demo' }, '10.2.0.1')).data?.['login'];
    const second = await graphql(identity.url, REFRESH, { token: first.refreshToken });
    expect(second.errors).toBeUndefined();
    const next = second.data?.['refreshToken'];
    expect(next.refreshToken).not.toBe(first.refreshToken);
    const replay = await graphql(identity.url, REFRESH, { token: first.refreshToken });
    expect(replay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The replay revoked the whole family, including the token issued in between.
    const afterReplay = await graphql(identity.url, REFRESH, { token: next.refreshToken });
    expect(afterReplay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('logs out by revoking the refresh token', async () => {
    const session = (await loginAs({ email: 'auditor@kinerja.demo', password: 'kinerja-demo' }, '10.2.0.2')).data?.['login'];
    expect(
      (
        await graphql(
          identity.url,
          `
            mutation ($t: String!) {
              logout(refreshToken: $t)
            }
          `,
          { t: session.refreshToken },
        )
      ).data?.['logout'],
    ).toBe(true);
    expect((await graphql(identity.url, REFRESH, { token: session.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('publishes its public key as a JWKS and answers 401 for a forged token', async () => {
    const jwks = (await (await fetch(identity.url.replace('/graphql', '/.well-known/jwks.json'))).json()) as { keys: { kty: string; d?: string }[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const response = await fetch(identity.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer a.b.c' },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('stores only a hash of every password and refresh token', async () => {
    const account = await identity.service.prisma.userAccount.findFirstOrThrow({ where: { email: 'admin@kinerja.demo' } });
    expect(account.passwordHash).toMatch(/^scrypt\$/);
    const tokens = await identity.service.prisma.refreshToken.findMany({ take: 5 });
    for (const token of tokens) expect(token.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
