import { graphql, type GraphQLResponse, LOGIN } from '../../../test/support/graphql-client';
import { type IdentityHarness, startIdentityOnPostgres } from './identity-harness';

// Passwords HR knows never become the holder's working password: an issued one must be changed
// before anything else, and a forgotten one is replaced through a one-time link HR hands over.
describe('passwords HR issued, and resets through a one-time link', () => {
  let identity: IdentityHarness;
  let address = 0;
  beforeAll(async () => {
    identity = await startIdentityOnPostgres('issued');
  });
  afterAll(() => identity?.stop());

  const REGISTER = `mutation ($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { id } }`;
  const LOGIN_FLAG = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresAt passwordChangeRequired } }`;
  const REFRESH = `mutation ($token: String!) { refreshToken(token: $token) { accessToken passwordChangeRequired } }`;
  const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`;
  const ISSUE = `mutation ($id: ID!) { issuePasswordReset(userId: $id) { userId token expiresAt } }`;
  const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
  const EMPLOYEES = `{ employees { totalCount } }`;

  const nextAddress = () => {
    address += 1;
    return { 'x-forwarded-for': `10.9.${address >> 8}.${address & 255}` };
  };
  const login = (email: string, password: string) => graphql(identity.url, LOGIN_FLAG, { input: { email, password } }, undefined, nextAddress());
  const signIn = async (email: string, password = 'kinerja-demo') => {
    const result = await graphql(identity.url, LOGIN, { input: { email, password } }, undefined, nextAddress());
    if (!result.data?.['login']) throw new Error(`login of ${email} failed: ${JSON.stringify(result.errors)}`);
    return result.data['login'] as { accessToken: string; refreshToken: string; viewer: { roles: { agencyId: string }[] } };
  };
  const accountIdOf = async (email: string) => (await identity.service.prisma.userAccount.findFirstOrThrow({ where: { email } })).id;
  const extensions = (result: GraphQLResponse) => result.errors?.[0]?.extensions;

  async function registerWithPassword(hrEmail: string, nip: string, email: string): Promise<void> {
    const hr = await signIn(hrEmail);
    const agencyId = hr.viewer.roles[0]!.agencyId;
    const unit = await identity.service.prisma.orgUnit.findFirstOrThrow({ where: { agencyId } });
    const input = { nip, name: 'Rani Kusuma', email, employmentType: 'PNS', orgUnitId: unit.id, initialPassword: 'sandi-dari-hr-123' };
    const registered = await graphql(identity.url, REGISTER, { input }, hr.accessToken);
    if (registered.errors) throw new Error(JSON.stringify(registered.errors));
  }

  it('never requires a change of a password the holder chose, nor of the demo accounts', async () => {
    const demo = await login('employee.siulak@kinerja.demo', 'kinerja-demo');
    expect(demo.data?.['login'].passwordChangeRequired).toBe(false);
    expect((await graphql(identity.url, EMPLOYEES, {}, demo.data?.['login'].accessToken)).errors).toBeUndefined();
  });

  it('hands a password HR issued only a token for changePassword, until it is changed', async () => {
    const email = 'rani.siulak@kinerja.demo';
    await registerWithPassword('hr.siulak@kinerja.demo', '199001152020122007', email);
    const first = await login(email, 'sandi-dari-hr-123');
    expect(first.errors).toBeUndefined();
    const issued = first.data?.['login'] as { accessToken: string; refreshToken: string; passwordChangeRequired: boolean };
    expect(issued.passwordChangeRequired).toBe(true);

    // The token opens nothing but changePassword, and refreshing it gives the same kind again.
    expect(extensions(await graphql(identity.url, EMPLOYEES, {}, issued.accessToken))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });
    const mixed = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) other: issuePasswordReset(userId: "x") { token } }`;
    expect(extensions(await graphql(identity.url, mixed, { input: { oldPassword: 'x', newPassword: 'y' } }, issued.accessToken))).toMatchObject({
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });
    const refreshed = await graphql(identity.url, REFRESH, { token: issued.refreshToken });
    expect(refreshed.data?.['refreshToken'].passwordChangeRequired).toBe(true);
    expect(extensions(await graphql(identity.url, EMPLOYEES, {}, refreshed.data?.['refreshToken'].accessToken))).toMatchObject({
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });

    const weak = await graphql(identity.url, CHANGE, { input: { oldPassword: 'sandi-dari-hr-123', newPassword: 'pendek' } }, issued.accessToken);
    expect(extensions(weak)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newPassword' });
    const changed = await graphql(
      identity.url,
      CHANGE,
      { input: { oldPassword: 'sandi-dari-hr-123', newPassword: 'sandi-pilihan-sendiri' } },
      issued.accessToken,
    );
    expect(changed.data?.['changePassword']).toBe(true);

    const after = await login(email, 'sandi-pilihan-sendiri');
    expect(after.data?.['login'].passwordChangeRequired).toBe(false);
    expect((await graphql(identity.url, EMPLOYEES, {}, after.data?.['login'].accessToken)).errors).toBeUndefined();
    const userId = await accountIdOf(email);
    const audit = await identity.service.prisma.auditLog.findMany({ where: { entityId: userId }, orderBy: { occurredAt: 'asc' } });
    expect(audit.map((row) => row.action)).toEqual(['login.succeeded', 'account.password-changed', 'login.succeeded']);
    expect(audit[0]!.after).toMatchObject({ passwordChangeRequired: true });
  });

  it('resets a password through a one-time link HR of the same agency issues, once, and ends the sessions', async () => {
    const email = 'employee.sawahlunto@kinerja.demo';
    const userId = await accountIdOf(email);
    const holder = await signIn(email);
    const otherHr = await signIn('hr.kotalama@kinerja.demo');
    const cross = await graphql(identity.url, ISSUE, { id: userId }, otherHr.accessToken);
    const unknown = await graphql(identity.url, ISSUE, { id: '00000000-0000-4000-8000-000000000999' }, otherHr.accessToken);
    expect(extensions(cross)).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
    expect({ ...extensions(cross), id: undefined }).toEqual({ ...extensions(unknown), id: undefined });
    expect(extensions(await graphql(identity.url, ISSUE, { id: userId }, holder.accessToken))).toMatchObject({ code: 'FORBIDDEN' });

    const hr = await signIn('hr.sawahlunto@kinerja.demo');
    const older = (await graphql(identity.url, ISSUE, { id: userId }, hr.accessToken)).data?.['issuePasswordReset'];
    const admin = await signIn('admin@kinerja.demo');
    const issued = (await graphql(identity.url, ISSUE, { id: userId }, admin.accessToken)).data?.['issuePasswordReset'];
    expect(issued).toMatchObject({ userId, token: expect.stringMatching(/^[\w-]{43}$/) });
    expect(new Date(issued.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // Only hashes are stored, and the newer reset voided the older.
    const stored = await identity.service.prisma.passwordReset.findMany({ where: { userId } });
    expect(JSON.stringify(stored)).not.toContain(issued.token);
    const reset = (token: string, newPassword: string) => graphql(identity.url, RESET, { input: { token, newPassword } }, undefined, nextAddress());
    expect(extensions(await reset(older.token, 'sandi-setelah-reset'))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_RESET_TOKEN' });

    // A weak password is refused without spending the link.
    expect(extensions(await reset(issued.token, 'pendek'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newPassword' });
    expect((await reset(issued.token, 'sandi-setelah-reset')).data?.['resetPassword']).toBe(true);
    expect(extensions(await reset(issued.token, 'sandi-lain-lagi-ya'))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_RESET_TOKEN' });

    expect(extensions(await graphql(identity.url, REFRESH, { token: holder.refreshToken }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(extensions(await login(email, 'kinerja-demo'))).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
    expect((await login(email, 'sandi-setelah-reset')).data?.['login'].passwordChangeRequired).toBe(false);
    const audit = await identity.service.prisma.auditLog.findMany({ where: { entityId: userId, action: { startsWith: 'account.password-reset' } } });
    expect(audit.map((row) => row.action).sort()).toEqual(['account.password-reset', 'account.password-reset-issued', 'account.password-reset-issued']);
    expect(audit.find((row) => row.action === 'account.password-reset')?.actorUserId).toBe(userId);
    expect(JSON.stringify(audit)).not.toContain(issued.token);
  });

  it('refuses an expired link, and throttles an address that keeps trying links', async () => {
    const email = 'employee.kotalama@kinerja.demo';
    const userId = await accountIdOf(email);
    const hr = await signIn('hr.kotalama@kinerja.demo');
    const issued = (await graphql(identity.url, ISSUE, { id: userId }, hr.accessToken)).data?.['issuePasswordReset'];
    await identity.service.prisma.passwordReset.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const headers = { 'x-forwarded-for': '10.66.0.1' };
    const attempt = (token: string) => graphql(identity.url, RESET, { input: { token, newPassword: 'sandi-setelah-reset' } }, undefined, headers);
    expect(extensions(await attempt(issued.token))).toMatchObject({ reason: 'INVALID_RESET_TOKEN' });
    const reasons: unknown[] = [];
    for (let i = 0; i < 12; i += 1) reasons.push(extensions(await attempt(`guess-${i}`))?.['reason']);
    expect(reasons).toContain('THROTTLED');
    // Another address is not affected.
    expect(
      extensions(await graphql(identity.url, RESET, { input: { token: 'guess', newPassword: 'sandi-setelah-reset' } }, undefined, nextAddress())),
    ).toMatchObject({
      reason: 'INVALID_RESET_TOKEN',
    });
  });
});
