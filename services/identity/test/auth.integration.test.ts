import { graphql, type GraphQLResponse, LOGIN } from '../../../test/support/graphql-client';
import { blockedUntilAfter, IDENTIFIER_POLICY } from '../src/domain/login-throttle.rule';
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

  const reasonOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.['reason'];
  const accountIdOf = async (email: string) => (await identity.service.prisma.userAccount.findFirstOrThrow({ where: { email } })).id;

  it('slows down repeated failures for one login, whether or not the account exists', async () => {
    for (const email of ['employee.kotalama@kinerja.demo', 'ghost@kinerja.demo']) {
      for (let i = 0; i < 4; i += 1) await loginAs({ email, password: 'nope' }, `10.1.0.${i}`);
      const fifth = await loginAs({ email, password: 'nope' }, '10.1.1.1');
      expect(fifth.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
      const throttled = await loginAs({ email, password: 'kinerja-demo' }, '10.1.1.2');
      expect(throttled.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'THROTTLED', retryAfterSeconds: expect.any(Number) });
    }
  });

  it('counts the NIP and the e-mail of one account on one counter', async () => {
    const head = identity.accounts.find((account) => account.login === 'head.sawahlunto@kinerja.demo')!;
    for (let i = 0; i < 3; i += 1) expect(reasonOf(await loginAs({ nip: head.nip!, password: 'nope' }, `10.5.0.${i}`))).toBe('INVALID_CREDENTIALS');
    for (let i = 0; i < 2; i += 1) expect(reasonOf(await loginAs({ email: head.login, password: 'nope' }, `10.5.1.${i}`))).toBe('INVALID_CREDENTIALS');
    // Five wrong guesses by either identifier: the sixth waits, by NIP as by e-mail.
    expect(reasonOf(await loginAs({ nip: head.nip!, password: 'kinerja-demo' }, '10.5.2.1'))).toBe('THROTTLED');
    expect(reasonOf(await loginAs({ email: head.login, password: 'kinerja-demo' }, '10.5.2.2'))).toBe('THROTTLED');
    const counter = await identity.service.prisma.loginThrottle.findUniqueOrThrow({ where: { key: `account:${await accountIdOf(head.login)}` } });
    expect(counter.failures).toBe(5);
  });

  it('slows down many failures from one address across logins', async () => {
    for (let i = 0; i < 32; i += 1) await loginAs({ email: `spray${i}@kinerja.demo`, password: 'nope' }, '10.9.9.9');
    const result = await loginAs({ email: 'admin@kinerja.demo', password: 'kinerja-demo' }, '10.9.9.9');
    expect(result.errors?.[0]?.extensions?.reason).toBe('THROTTLED');
    expect((await loginAs({ email: 'admin@kinerja.demo', password: 'kinerja-demo' }, '10.9.9.10')).errors).toBeUndefined();
  });

  /** How many attempts the policy lets through back to back within `ms`: the free ones, then one per wait that ran out. */
  const allowedWithin = (ms: number) => {
    const t0 = new Date(0);
    let attempts = 1;
    while ((blockedUntilAfter(attempts, t0, IDENTIFIER_POLICY)?.getTime() ?? 0) <= ms) attempts += 1;
    return attempts;
  };

  it('checks at most the allowed number of 50 wrong guesses sent at the same time', async () => {
    const email = 'head.muaratebo@kinerja.demo';
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => loginAs({ email, password: 'nope' }, `10.3.${i}.1`)));
    const allowed = allowedWithin(Date.now() - started);
    for (const result of results) expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Only an admitted attempt has its password checked; every other one is refused before.
    const checked = results.map(reasonOf).filter((reason) => reason === 'INVALID_CREDENTIALS').length;
    expect(checked).toBeGreaterThanOrEqual(IDENTIFIER_POLICY.freeFailures);
    expect(checked).toBeLessThanOrEqual(allowed);
    expect(allowed).toBeLessThan(10);
    const counter = await identity.service.prisma.loginThrottle.findUniqueOrThrow({ where: { key: `account:${await accountIdOf(email)}` } });
    expect(counter.failures).toBe(checked);
  });

  it('starts counting again once the window of earlier failures has passed', async () => {
    const key = `account:${await accountIdOf('employee.muaratebo@kinerja.demo')}`;
    const longAgo = new Date(Date.now() - 16 * 60_000);
    await identity.service.prisma.loginThrottle.create({ data: { key, failures: 12, windowStart: longAgo, blockedUntil: longAgo } });
    await loginAs({ email: 'employee.muaratebo@kinerja.demo', password: 'nope' }, '10.4.0.1');
    const counter = await identity.service.prisma.loginThrottle.findUniqueOrThrow({ where: { key } });
    expect(counter).toMatchObject({ failures: 1, blockedUntil: null });
    expect(counter.windowStart.getTime()).toBeGreaterThan(longAgo.getTime());
  });

  it('writes logins, failures, throttles and logouts to the audit trail with the request id', async () => {
    const email = 'supervisor.tanjungpinang@kinerja.demo';
    const userId = await accountIdOf(email);
    const headers = (requestId: string) => ({ 'x-forwarded-for': '10.6.0.1', 'x-request-id': requestId });
    const session = await graphql(identity.url, LOGIN, { input: { email, password: 'kinerja-demo' } }, undefined, headers('audit-login-1'));
    await graphql(
      identity.url,
      `
        mutation ($t: String!) {
          logout(refreshToken: $t)
        }
      `,
      { t: session.data?.['login'].refreshToken },
      undefined,
      headers('audit-logout-1'),
    );
    for (let i = 0; i < 6; i += 1) await graphql(identity.url, LOGIN, { input: { email, password: 'nope' } }, undefined, headers(`audit-fail-${i}`));
    const rows = await identity.service.prisma.auditLog.findMany({
      where: { OR: [{ entityId: userId }, { entityId: `account:${userId}` }] },
      orderBy: { occurredAt: 'asc' },
    });
    const actions = rows.map((row) => [row.action, row.requestId]);
    expect(actions.slice(0, 2)).toEqual([
      ['login.succeeded', 'audit-login-1'],
      ['logout', 'audit-logout-1'],
    ]);
    expect(actions.filter(([action]) => action === 'login.failed')).toHaveLength(5);
    expect(rows.find((row) => row.action === 'login.throttled')).toMatchObject({
      entityType: 'LoginThrottle',
      agencyId: expect.any(String),
      requestId: 'audit-fail-4',
    });
    expect(rows[0]).toMatchObject({ actorUserId: userId, entityType: 'UserAccount', after: { clientAddress: '10.6.0.1' } });
  });

  it('refuses a NUL byte or an oversized value in the login with BAD_USER_INPUT naming the field', async () => {
    const nul = await loginAs({ email: 'admin@kinerja.demo\u0000', password: 'kinerja-demo' }, '10.7.0.1');
    expect(nul.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const inline = await graphql(identity.url, 'mutation { login(input: { nip: "1986\\u0000", password: "x" }) { accessToken } }', {}, undefined, {
      'x-forwarded-for': '10.7.0.2',
    });
    expect(inline.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nip' });
    const oversized = await loginAs({ email: 'admin@kinerja.demo', password: 'p'.repeat(100_000) }, '10.7.0.3');
    expect(oversized.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
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
