import { graphql, type GraphQLResponse, login } from '../../../test/support/graphql-client';
import { type IdentityHarness, startIdentityOnPostgres } from './identity-harness';

// Mutations on a real PostgreSQL: stable error codes with the offending field, nothing half-written,
// and an audit row for every change.
describe('identity organisation mutations', () => {
  let identity: IdentityHarness;
  let hrToken: string;
  let agencyId: string;
  let unitId: string;

  beforeAll(async () => {
    identity = await startIdentityOnPostgres('org');
    hrToken = await login(identity.url, { email: 'hr.sawahlunto@kinerja.demo' });
    const agency = await identity.service.prisma.agency.findUniqueOrThrow({ where: { code: 'KOTA-SAWAHLUNTO' } });
    agencyId = agency.id;
    unitId = (await identity.service.prisma.orgUnit.findFirstOrThrow({ where: { agencyId, code: 'BKPSDM' } })).id;
  });
  afterAll(() => identity?.stop());

  const REGISTER = `mutation ($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { id nip name orgUnit { code } supervisor { name } } }`;
  const employeeInput = (overrides: Record<string, unknown> = {}) => ({
    nip: '199001152020122003',
    name: 'Intan Permata',
    employmentType: 'PNS',
    orgUnitId: unitId,
    ...overrides,
  });

  it('registers an employee into a new position under a supervising position, with an audit row', async () => {
    const headPosition = await identity.service.prisma.position.findFirstOrThrow({ where: { orgUnitId: unitId, title: 'Kepala BKPSDM' } });
    const position = await graphql(
      identity.url,
      `
        mutation ($input: CreatePositionInput!) {
          createPosition(input: $input) {
            id
            title
            supervisorPosition {
              title
            }
          }
        }
      `,
      { input: { orgUnitId: unitId, title: 'Analis Data Kepegawaian', supervisorPositionId: headPosition.id } },
      hrToken,
    );
    expect(position.errors).toBeUndefined();
    const positionId = position.data?.['createPosition'].id;
    const result = await graphql(identity.url, REGISTER, { input: employeeInput({ positionId }) }, hrToken);
    expect(result.errors).toBeUndefined();
    const head = await identity.service.prisma.employee.findFirstOrThrow({ where: { positionId: headPosition.id } });
    expect(result.data?.['registerEmployee']).toMatchObject({ nip: '199001152020122003', orgUnit: { code: 'BKPSDM' }, supervisor: { name: head.name } });
    const audit = await identity.service.prisma.auditLog.findFirst({
      where: { action: 'employee.registered', entityId: result.data?.['registerEmployee'].id },
    });
    expect(audit).toMatchObject({ agencyId, before: null, after: expect.objectContaining({ nip: '199001152020122003' }) });
    expect(audit?.actorUserId).toBeTruthy();
  });

  it.each([
    ['199013152020122003', 'input.nip.birthDate'],
    ['199001152020132003', 'input.nip.appointmentDate'],
    ['199001152020123003', 'input.nip.sex'],
    ['1990011520201220', 'input.nip'],
  ])('refuses NIP %s naming %s', async (nip, field) => {
    const result = await graphql(identity.url, REGISTER, { input: employeeInput({ nip }) }, hrToken);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers CONFLICT for a NIP that is already registered', async () => {
    const existing = await identity.service.prisma.employee.findFirstOrThrow({ where: { agencyId } });
    const result = await graphql(identity.url, REGISTER, { input: employeeInput({ nip: existing.nip }) }, hrToken);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.nip' });
  });

  it('answers NOT_FOUND for an unknown unit', async () => {
    const result = await graphql(
      identity.url,
      REGISTER,
      { input: employeeInput({ nip: '199001152020122004', orgUnitId: '00000000-0000-4000-8000-000000000000' }) },
      hrToken,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.orgUnitId' });
  });

  it.each([
    ['employee(id)', `{ employee(id: "abc") { id } }`],
    ['orgUnit(id)', `{ orgUnit(id: "abc") { id } }`],
    ['agency(id)', `{ agency(id: "not-a-uuid") { id } }`],
  ])('answers NOT_FOUND, not an internal error, for %s with an id that is not a UUID', async (_case, query) => {
    const result = await graphql(identity.url, query, {}, hrToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('leaves nothing written when the second half of a registration fails', async () => {
    // The login's e-mail is taken: the employee row of the same transaction must not remain either.
    const before = await identity.service.prisma.employee.count();
    const auditBefore = await identity.service.prisma.auditLog.count();
    const result = await graphql(
      identity.url,
      REGISTER,
      { input: employeeInput({ nip: '199001152020122005', email: 'hr.sawahlunto@kinerja.demo', initialPassword: 'a-long-password' }) },
      hrToken,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await identity.service.prisma.employee.count()).toBe(before);
    expect(await identity.service.prisma.employee.findUnique({ where: { nip: '199001152020122005' } })).toBeNull();
    expect(await identity.service.prisma.auditLog.count()).toBe(auditBefore);
  });

  it('refuses a supervising position that would make the reporting line a cycle', async () => {
    const sekda = await identity.service.prisma.position.findFirstOrThrow({ where: { agencyId, title: 'Sekretaris Daerah' } });
    const staff = await identity.service.prisma.position.findFirstOrThrow({ where: { agencyId, title: 'Analis SDM Aparatur' } });
    const result = await graphql(
      identity.url,
      `
        mutation ($p: ID!, $s: ID) {
          setPositionSupervisor(positionId: $p, supervisorPositionId: $s) {
            id
          }
        }
      `,
      { p: sekda.id, s: staff.id },
      hrToken,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'supervisorPositionId' });
    expect((await identity.service.prisma.position.findUniqueOrThrow({ where: { id: sekda.id } })).supervisorPositionId).toBeNull();
  });

  it('transfers an employee and records before and after', async () => {
    const employee = await identity.service.prisma.employee.findUniqueOrThrow({ where: { nip: '199001152020122003' } });
    const target = await identity.service.prisma.orgUnit.findFirstOrThrow({ where: { agencyId, code: 'DINKES' } });
    const result = await graphql(
      identity.url,
      `
        mutation ($input: TransferEmployeeInput!) {
          transferEmployee(input: $input) {
            orgUnit {
              code
            }
            position {
              id
            }
          }
        }
      `,
      { input: { employeeId: employee.id, orgUnitId: target.id } },
      hrToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['transferEmployee']).toEqual({ orgUnit: { code: 'DINKES' }, position: null });
    const audit = await identity.service.prisma.auditLog.findFirstOrThrow({ where: { action: 'employee.transferred', entityId: employee.id } });
    expect(audit.before).toMatchObject({ orgUnitId: unitId });
    expect(audit.after).toMatchObject({ orgUnitId: target.id });
  });

  it('forbids an HR admin to change another agency', async () => {
    const other = await identity.service.prisma.orgUnit.findFirstOrThrow({ where: { agency: { code: 'KAB-SIULAK' } } });
    const result = await graphql(identity.url, REGISTER, { input: employeeInput({ nip: '199001152020122006', orgUnitId: other.id }) }, hrToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the auditor read but not write', async () => {
    const auditorToken = await login(identity.url, { email: 'auditor@kinerja.demo' });
    const read = await graphql(
      identity.url,
      `
        query ($id: ID!) {
          agency(id: $id) {
            name
          }
        }
      `,
      { id: agencyId },
      auditorToken,
    );
    expect(read.data?.['agency'].name).toBe('Pemerintah Kota Sawahlunto');
    const write = await graphql(
      identity.url,
      `
        mutation ($input: CreateOrgUnitInput!) {
          createOrgUnit(input: $input) {
            id
          }
        }
      `,
      { input: { agencyId, code: 'X', name: 'X' } },
      auditorToken,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("grants a role within the HR admin's agency only", async () => {
    const account = await identity.service.prisma.userAccount.findFirstOrThrow({ where: { employee: { agencyId, nip: { not: undefined } }, email: null } });
    const GRANT = `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { role agencyId } }`;
    const ok = await graphql(identity.url, GRANT, { input: { userId: account.id, role: 'SELECTION_COMMITTEE', agencyId } }, hrToken);
    expect(ok.data?.['grantRole']).toContainEqual({ role: 'SELECTION_COMMITTEE', agencyId });
    const wide = await graphql(identity.url, GRANT, { input: { userId: account.id, role: 'AUDITOR', agencyId: null } }, hrToken);
    expect(wide.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('pages employees with keyset cursors, never repeating or skipping', async () => {
    const PAGE =
      `query ($after: String) { employees(filter: { agencyId: "${'$'}{AGENCY}" }, first: 7, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }`.replace(
        '${AGENCY}',
        agencyId,
      );
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page += 1) {
      const result: GraphQLResponse<Record<string, any>> = await graphql(identity.url, PAGE, { after }, hrToken);
      const connection = result.data?.['employees'];
      total = connection.totalCount;
      seen.push(...connection.edges.map((edge: { node: { name: string } }) => edge.node.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const bad = await graphql(identity.url, PAGE, { after: 'garbage' }, hrToken);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
