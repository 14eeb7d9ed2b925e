import { graphql, login } from '../support/graphql-client';
import { type FederatedStack, ok, openPeriod, startFederatedStack, today } from './federated-stack';

const REGISTER = `mutation ($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { id } }`;
const LOGIN_FLAG = `mutation ($input: LoginInput!) { login(input: $input) { accessToken passwordChangeRequired viewer { userId } } }`;
const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const ISSUE = `mutation ($id: ID!) { issuePasswordReset(userId: $id) { token expiresAt } }`;
const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const PERIODS = `query ($agencyId: ID!) { performancePeriods(agencyId: $agencyId) { id } }`;

/**
 * Accounts and plans a province can trust, tried through the gateway: a password HR issued opens
 * nothing in any subgraph until it is changed; a reset link HR issues works once, without a
 * sign-in; a draft SKP's RHKs and indicators are edited and removed, and another agency's ids
 * answer like unknown ones.
 */
describe('issued passwords, reset links and draft editing through the gateway', () => {
  let stack: FederatedStack;
  let hrToken: string;
  let agencyId: string;
  let unitId: string;

  beforeAll(async () => {
    stack = await startFederatedStack('trust');
    hrToken = await login(stack.url, { email: 'hr.muaratebo@kinerja.demo' });
    const me = ok<{ agency: { id: string }; orgUnit: { id: string } }>(
      await stack.gql(`{ me { agency { id } orgUnit { id } } }`, {}, await login(stack.url, { email: 'employee.muaratebo@kinerja.demo' })),
      'me',
    );
    agencyId = me.agency.id;
    unitId = me.orgUnit.id;
  });
  afterAll(() => stack?.stop());

  const signIn = (email: string, password: string) => graphql(stack.url, LOGIN_FLAG, { input: { email, password } });

  it('lets a password HR issued reach changePassword only, in every subgraph, until it is changed', async () => {
    const email = 'dewi.muaratebo@kinerja.demo';
    const input = { nip: '199203102021122004', name: 'Dewi Lestari', email, employmentType: 'PNS', orgUnitId: unitId, initialPassword: 'sandi-dari-hr-456' };
    ok(await stack.gql(REGISTER, { input }, hrToken), 'registerEmployee');
    const issued = ok<{ accessToken: string; passwordChangeRequired: boolean }>(await signIn(email, 'sandi-dari-hr-456'), 'login');
    expect(issued.passwordChangeRequired).toBe(true);
    for (const query of [PERIODS, `{ me { id } }`, `query ($agencyId: ID!) { gapProgramMapping(agencyId: $agencyId) { programCode } }`]) {
      const refused = await stack.gql(query, { agencyId }, issued.accessToken);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
      expect(Object.values(refused.data ?? {}).every((value) => value === null)).toBe(true);
    }
    const changed = await stack.gql(CHANGE, { input: { oldPassword: 'sandi-dari-hr-456', newPassword: 'sandi-pilihan-dewi' } }, issued.accessToken);
    expect(ok(changed, 'changePassword')).toBe(true);
    const normal = ok<{ accessToken: string; passwordChangeRequired: boolean }>(await signIn(email, 'sandi-pilihan-dewi'), 'login');
    expect(normal.passwordChangeRequired).toBe(false);
    expect((await stack.gql(PERIODS, { agencyId }, normal.accessToken)).errors).toBeUndefined();
  });

  it('resets a password with a one-time token HR issued, without signing in', async () => {
    const email = 'supervisor.muaratebo@kinerja.demo';
    const userId = ok<{ viewer: { userId: string } }>(await signIn(email, 'kinerja-demo'), 'login').viewer.userId;
    const foreignHr = await login(stack.url, { email: 'hr.siulak@kinerja.demo' });
    expect((await stack.gql(ISSUE, { id: userId }, foreignHr)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
    const { token } = ok<{ token: string }>(await stack.gql(ISSUE, { id: userId }, hrToken), 'issuePasswordReset');
    expect(ok(await graphql(stack.url, RESET, { input: { token, newPassword: 'sandi-baru-atasan' } }), 'resetPassword')).toBe(true);
    expect((await graphql(stack.url, RESET, { input: { token, newPassword: 'sandi-lain-atasan' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_RESET_TOKEN',
    });
    expect((await signIn(email, 'kinerja-demo')).errors?.[0]?.extensions?.['reason']).toBe('INVALID_CREDENTIALS');
    expect(ok<{ passwordChangeRequired: boolean }>(await signIn(email, 'sandi-baru-atasan'), 'login').passwordChangeRequired).toBe(false);
  });

  it("edits and removes a draft SKP's RHK and indicator; another agency's ids answer like unknown ones", async () => {
    // performance knows the demo employees from identity's backfill events.
    const published = await stack.backfill();
    expect(await stack.copiesComplete()).toBe(published);
    const period = await openPeriod(stack, hrToken, agencyId, Number(today().slice(0, 4)));
    const employee = await login(stack.url, { email: 'employee.muaratebo@kinerja.demo' });
    const plan = ok<{ id: string }>(
      await stack.gql(
        `mutation ($input: CreatePerformancePlanInput!) { createPerformancePlan(input: $input) { id } }`,
        { input: { periodId: period.id } },
        employee,
      ),
      'createPerformancePlan',
    );
    const add = (title: string) =>
      stack.gql(
        `mutation ($input: AddWorkResultInput!) { addWorkResult(input: $input) { id } }`,
        { input: { planId: plan.id, kind: 'MAIN', title } },
        employee,
      );
    const first = ok<{ id: string }>(await add('Menyusun rencana kebutuhan pegawai'), 'addWorkResult');
    const second = ok<{ id: string }>(await add('Menyusun laporan kepegawaian'), 'addWorkResult');
    const indicator = ok<{ id: string }>(
      await stack.gql(
        `mutation ($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }`,
        { input: { workResultId: first.id, aspect: 'QUANTITY', description: 'Dokumen rencana', target: 4, unit: 'dokumen' } },
        employee,
      ),
      'addIndicator',
    );
    const UPDATE = `mutation ($input: UpdateWorkResultInput!) { updateWorkResult(input: $input) { id title } }`;
    const edit = { input: { workResultId: first.id, kind: 'MAIN', title: 'Menyusun rencana kebutuhan ASN' } };
    const outsider = await login(stack.url, { email: 'employee.siulak@kinerja.demo' });
    const unknown = await stack.gql(UPDATE, { input: { ...edit.input, workResultId: '00000000-0000-4000-8000-000000000321' } }, outsider);
    const foreign = await stack.gql(UPDATE, edit, outsider);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.workResultId' });
    expect({ ...foreign.errors?.[0]?.extensions, id: undefined }).toEqual({ ...unknown.errors?.[0]?.extensions, id: undefined });

    expect(ok(await stack.gql(UPDATE, edit, employee), 'updateWorkResult')).toEqual({ id: first.id, title: 'Menyusun rencana kebutuhan ASN' });
    const updatedIndicator = await stack.gql(
      `mutation ($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { id target } }`,
      { input: { indicatorId: indicator.id, aspect: 'QUANTITY', description: 'Dokumen rencana', target: 6, unit: 'dokumen' } },
      employee,
    );
    expect(ok(updatedIndicator, 'updateIndicator')).toEqual({ id: indicator.id, target: 6 });
    const removedIndicator = await stack.gql(
      `mutation ($id: ID!) { removeIndicator(indicatorId: $id) { id indicators { id } } }`,
      { id: indicator.id },
      employee,
    );
    expect(ok(removedIndicator, 'removeIndicator')).toEqual({ id: first.id, indicators: [] });
    const removed = await stack.gql(`mutation ($id: ID!) { removeWorkResult(workResultId: $id) { id workResults { id title } } }`, { id: first.id }, employee);
    expect(ok(removed, 'removeWorkResult')).toEqual({ id: plan.id, workResults: [{ id: second.id, title: 'Menyusun laporan kepegawaian' }] });
  });
});
