import { graphql, type GraphQLResponse, LOGIN } from '../../../test/support/graphql-client';
import { type IdentityHarness, startIdentityOnPostgres } from './identity-harness';

// Accounts an agency's HR can trust: grants only at home, revocation, disabling, departure and
// password change, each closing the holder's sessions within an access token's lifetime.
describe('account lifecycle', () => {
  let identity: IdentityHarness;
  let address = 0;
  beforeAll(async () => {
    identity = await startIdentityOnPostgres('accounts');
  });
  afterAll(() => identity?.stop());

  const REFRESH = `mutation ($token: String!) { refreshToken(token: $token) { accessToken refreshToken viewer { roles { role agencyId } } } }`;
  const GRANT = `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { role agencyId } }`;
  const REVOKE = `mutation ($input: GrantRoleInput!) { revokeRole(input: $input) { role agencyId } }`;
  const DISABLE = `mutation ($id: ID!) { disableAccount(userId: $id) { userId disabled } }`;
  const ENABLE = `mutation ($id: ID!) { enableAccount(userId: $id) { userId disabled } }`;
  const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`;
  const LEFT = `mutation ($input: RecordEmployeeLeftInput!) { recordEmployeeLeft(input: $input) { id } }`;

  const session = async (email: string, password = 'kinerja-demo') => {
    address += 1;
    return graphql(identity.url, LOGIN, { input: { email, password } }, undefined, { 'x-forwarded-for': `10.7.${address >> 8}.${address & 255}` });
  };
  const signIn = async (email: string, password = 'kinerja-demo') => {
    const result = await session(email, password);
    if (!result.data?.['login']) throw new Error(`login of ${email} failed: ${JSON.stringify(result.errors)}`);
    return result.data['login'] as { accessToken: string; refreshToken: string; expiresAt: string; viewer: { roles: { agencyId: string }[] } };
  };
  const accountIdOf = async (email: string) => (await identity.service.prisma.userAccount.findFirstOrThrow({ where: { email } })).id;
  const code = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

  it('issues access tokens that live at most a minute by default', async () => {
    const before = Date.now();
    const { expiresAt } = await signIn('auditor@kinerja.demo');
    expect(new Date(expiresAt).getTime() - before).toBeLessThanOrEqual(61_000);
  });

  it("grants roles only on accounts of the granter's agency, and shows only that agency's grants", async () => {
    const hrSiulak = await signIn('hr.siulak@kinerja.demo');
    const siulak = hrSiulak.viewer.roles[0]!.agencyId;
    const outsider = await accountIdOf('employee.kotalama@kinerja.demo');
    const cross = await graphql(identity.url, GRANT, { input: { userId: outsider, role: 'AGENCY_HEAD', agencyId: siulak } }, hrSiulak.accessToken);
    const unknown = await graphql(
      identity.url,
      GRANT,
      { input: { userId: '00000000-0000-4000-8000-000000000999', role: 'AGENCY_HEAD', agencyId: siulak } },
      hrSiulak.accessToken,
    );
    expect(cross.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.userId' });
    const withoutId = (result: GraphQLResponse) => ({
      ...result.errors?.[0],
      message: undefined,
      extensions: { ...result.errors?.[0]?.extensions, id: undefined },
    });
    expect(withoutId(cross)).toEqual(withoutId(unknown));
    expect(await identity.service.prisma.roleGrant.count({ where: { userId: outsider } })).toBe(0);
    // The province admin grants a kotalama HR role on a siulak employee; siulak's HR does not see it.
    const admin = await signIn('admin@kinerja.demo');
    const kotalama = (await signIn('hr.kotalama@kinerja.demo')).viewer.roles[0]!.agencyId;
    const local = await accountIdOf('employee.siulak@kinerja.demo');
    expect((await graphql(identity.url, GRANT, { input: { userId: local, role: 'AUDITOR', agencyId: kotalama } }, admin.accessToken)).errors).toBeUndefined();
    const granted = await graphql(identity.url, GRANT, { input: { userId: local, role: 'SELECTION_COMMITTEE', agencyId: siulak } }, hrSiulak.accessToken);
    expect(granted.data?.['grantRole']).toEqual([{ role: 'SELECTION_COMMITTEE', agencyId: siulak }]);
  });

  it('revokes a role: the next refresh carries the grants without it', async () => {
    const hr = await signIn('hr.sawahlunto@kinerja.demo');
    const agencyId = hr.viewer.roles[0]!.agencyId;
    const userId = await accountIdOf('employee.sawahlunto@kinerja.demo');
    const input = { userId, role: 'SELECTION_COMMITTEE', agencyId };
    expect((await graphql(identity.url, GRANT, { input }, hr.accessToken)).errors).toBeUndefined();
    const holder = await signIn('employee.sawahlunto@kinerja.demo');
    expect(holder.viewer.roles).toContainEqual({ role: 'SELECTION_COMMITTEE', agencyId });
    expect(code(await graphql(identity.url, REVOKE, { input }, holder.accessToken))).toBe('FORBIDDEN');
    const outsider = await signIn('hr.kotalama@kinerja.demo');
    expect(code(await graphql(identity.url, REVOKE, { input }, outsider.accessToken))).toBe('FORBIDDEN');
    expect((await graphql(identity.url, REVOKE, { input }, hr.accessToken)).data?.['revokeRole']).toEqual([]);
    const refreshed = await graphql(identity.url, REFRESH, { token: holder.refreshToken });
    expect(refreshed.data?.['refreshToken'].viewer.roles).toEqual([]);
    const audit = await identity.service.prisma.auditLog.findFirstOrThrow({ where: { action: 'role.revoked', entityId: userId } });
    expect(audit.before).toEqual({ role: 'SELECTION_COMMITTEE', agencyId });
  });

  it("lets the agency's HR disable and enable an account: no login, no refresh while disabled", async () => {
    const email = 'panitia.kotalama@kinerja.demo';
    const userId = await accountIdOf(email);
    const holder = await signIn(email);
    const otherHr = await signIn('hr.siulak@kinerja.demo');
    expect(code(await graphql(identity.url, DISABLE, { id: userId }, otherHr.accessToken))).toBe('NOT_FOUND');
    expect(code(await graphql(identity.url, DISABLE, { id: userId }, holder.accessToken))).toBe('FORBIDDEN');
    const hr = await signIn('hr.kotalama@kinerja.demo');
    expect((await graphql(identity.url, DISABLE, { id: userId }, hr.accessToken)).data?.['disableAccount']).toEqual({ userId, disabled: true });
    expect(code(await graphql(identity.url, REFRESH, { token: holder.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(code(await session(email))).toBe('UNAUTHENTICATED');
    expect(await identity.service.prisma.auditLog.count({ where: { action: 'account.disabled', entityId: userId } })).toBe(1);
    const admin = await signIn('admin@kinerja.demo');
    expect((await graphql(identity.url, ENABLE, { id: userId }, admin.accessToken)).data?.['enableAccount']).toEqual({ userId, disabled: false });
    expect((await session(email)).errors).toBeUndefined();
  });

  it("refuses a departed employee's refresh", async () => {
    const email = 'supervisor.kotalama@kinerja.demo';
    const holder = await signIn(email);
    const employeeId = (await identity.service.prisma.userAccount.findFirstOrThrow({ where: { email } })).employeeId!;
    const hr = await signIn('hr.kotalama@kinerja.demo');
    expect((await graphql(identity.url, LEFT, { input: { employeeId, reason: 'Pensiun' } }, hr.accessToken)).errors).toBeUndefined();
    expect(code(await graphql(identity.url, REFRESH, { token: holder.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(code(await session(email))).toBe('UNAUTHENTICATED');
  });

  it('changes the password with the current one, audited, and ends the other sessions', async () => {
    const email = 'employee.kotalama@kinerja.demo';
    const holder = await signIn(email);
    const wrong = await graphql(identity.url, CHANGE, { input: { oldPassword: 'nope-nope-nope', newPassword: 'sandi-baru-yang-panjang' } }, holder.accessToken);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.oldPassword' });
    const short = await graphql(identity.url, CHANGE, { input: { oldPassword: 'kinerja-demo', newPassword: 'pendek' } }, holder.accessToken);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newPassword' });
    expect(code(await graphql(identity.url, CHANGE, { input: { oldPassword: 'kinerja-demo', newPassword: 'sandi-baru-yang-panjang' } }))).toBe(
      'UNAUTHENTICATED',
    );
    const changed = await graphql(identity.url, CHANGE, { input: { oldPassword: 'kinerja-demo', newPassword: 'sandi-baru-yang-panjang' } }, holder.accessToken);
    expect(changed.data?.['changePassword']).toBe(true);
    expect(code(await graphql(identity.url, REFRESH, { token: holder.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(code(await session(email))).toBe('UNAUTHENTICATED');
    expect((await session(email, 'sandi-baru-yang-panjang')).errors).toBeUndefined();
    const audit = await identity.service.prisma.auditLog.findFirstOrThrow({
      where: { action: 'account.password-changed', entityId: await accountIdOf(email) },
    });
    expect(JSON.stringify(audit)).not.toMatch(/scrypt|sandi-baru/);
  });
});
