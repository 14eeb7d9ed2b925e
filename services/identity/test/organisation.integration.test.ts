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

  it("answers another agency's employee, NIP and unit exactly like unknown ones", async () => {
    const outsider = await identity.service.prisma.employee.findFirstOrThrow({ where: { agency: { code: 'KAB-SIULAK' } } });
    const cases: [string, Record<string, string>, Record<string, string>][] = [
      ['query ($id: ID!) { employee(id: $id) { id } }', { id: outsider.id }, { id: '00000000-0000-4000-8000-000000000777' }],
      ['query ($nip: String!) { employeeByNip(nip: $nip) { id } }', { nip: outsider.nip }, { nip: '199001152020121999' }],
      ['query ($id: ID!) { orgUnit(id: $id) { id } }', { id: outsider.orgUnitId }, { id: '00000000-0000-4000-8000-000000000778' }],
    ];
    const shape = (result: GraphQLResponse) => ({
      code: result.errors?.[0]?.extensions?.code,
      entity: result.errors?.[0]?.extensions?.['entity'],
      data: result.data,
    });
    for (const [query, elsewhere, unknown] of cases) {
      const other = await graphql(identity.url, query, elsewhere, hrToken);
      expect(shape(other)).toEqual(shape(await graphql(identity.url, query, unknown, hrToken)));
      expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(other.errors?.[0]?.message).not.toMatch(/forbid|agency/i);
    }
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

  describe('province-wide roles', () => {
    const GRANT = `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { role agencyId } }`;
    let citizen: string;
    beforeAll(async () => {
      citizen = (await identity.service.prisma.userAccount.findFirstOrThrow({ where: { email: 'employee.kotalama@kinerja.demo' } })).id;
    });

    it.each([
      ['the auditor', 'auditor@kinerja.demo', 'APPLICANT'],
      ['a plain employee', 'employee.sawahlunto@kinerja.demo', 'APPLICANT'],
      ['a plain employee', 'employee.sawahlunto@kinerja.demo', 'AUDITOR'],
    ])('forbids %s (%s) to grant %s province-wide', async (_who, email, role) => {
      const token = await login(identity.url, { email });
      const result = await graphql(identity.url, GRANT, { input: { userId: citizen, role, agencyId: null } }, token);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await identity.service.prisma.roleGrant.count({ where: { userId: citizen, role } })).toBe(0);
    });

    it('lets the province admin grant APPLICANT province-wide, once however often it is asked at the same time', async () => {
      const adminToken = await login(identity.url, { email: 'admin@kinerja.demo' });
      const results = await Promise.all(
        Array.from({ length: 5 }, () => graphql(identity.url, GRANT, { input: { userId: citizen, role: 'APPLICANT', agencyId: null } }, adminToken)),
      );
      for (const result of results) {
        expect(result.errors).toBeUndefined();
        expect(result.data?.['grantRole']).toContainEqual({ role: 'APPLICANT', agencyId: null });
      }
      expect(await identity.service.prisma.roleGrant.count({ where: { userId: citizen, role: 'APPLICANT' } })).toBe(1);
    });
  });

  describe('unique codes', () => {
    const CREATE_UNIT = `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`;
    const CREATE_AGENCY = `mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`;

    it('answers CONFLICT naming input.code for a unit code the agency already has, and writes nothing', async () => {
      const auditBefore = await identity.service.prisma.auditLog.count();
      const result = await graphql(identity.url, CREATE_UNIT, { input: { agencyId, code: 'DINKES', name: 'Dinas Kesehatan Kedua' } }, hrToken);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
      expect(await identity.service.prisma.orgUnit.count({ where: { agencyId, code: 'DINKES' } })).toBe(1);
      expect(await identity.service.prisma.auditLog.count()).toBe(auditBefore);
    });

    it('answers CONFLICT naming input.code to all but one of concurrent requests for one new code', async () => {
      const adminToken = await login(identity.url, { email: 'admin@kinerja.demo' });
      const provinceId = (await identity.service.prisma.agency.findUniqueOrThrow({ where: { code: 'PROV-DEMO' } })).id;
      const units = await Promise.all(
        Array.from({ length: 4 }, () => graphql(identity.url, CREATE_UNIT, { input: { agencyId, code: 'DISHUB', name: 'Dinas Perhubungan' } }, hrToken)),
      );
      const agencies = await Promise.all(
        Array.from({ length: 4 }, () =>
          graphql(
            identity.url,
            CREATE_AGENCY,
            { input: { code: 'KAB-BARU', name: 'Pemerintah Kabupaten Baru', kind: 'REGENCY', parentId: provinceId } },
            adminToken,
          ),
        ),
      );
      for (const results of [units, agencies]) {
        expect(results.filter((result) => !result.errors)).toHaveLength(1);
        for (const failed of results.filter((result) => result.errors)) {
          expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
        }
      }
    });
  });

  it('writes an audit row with the actor and the request id for every change of the organisation and of roles', async () => {
    const adminToken = await login(identity.url, { email: 'admin@kinerja.demo' });
    const admin = await identity.service.prisma.userAccount.findFirstOrThrow({ where: { email: 'admin@kinerja.demo' } });
    const as = (requestId: string, query: string, variables: Record<string, unknown>) =>
      graphql(identity.url, query, variables, adminToken, { 'x-request-id': requestId }).then((result) => {
        expect(result.errors).toBeUndefined();
        return result.data ?? {};
      });
    const provinceId = (await identity.service.prisma.agency.findUniqueOrThrow({ where: { code: 'PROV-DEMO' } })).id;
    const agency = (
      await as('audit-agency', `mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`, {
        input: { code: 'KAB-AUDIT', name: 'Pemerintah Kabupaten Audit', kind: 'REGENCY', parentId: provinceId },
      })
    )['createAgency'];
    const unit = (
      await as('audit-unit', `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`, {
        input: { agencyId: agency.id, code: 'SETDA', name: 'Sekretariat Daerah' },
      })
    )['createOrgUnit'];
    const CREATE_POSITION = `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }`;
    const head = (await as('audit-position', CREATE_POSITION, { input: { orgUnitId: unit.id, title: 'Sekretaris Daerah' } }))['createPosition'];
    const staff = (await as('audit-position-2', CREATE_POSITION, { input: { orgUnitId: unit.id, title: 'Analis Kebijakan' } }))['createPosition'];
    await as('audit-supervisor', `mutation ($p: ID!, $s: ID) { setPositionSupervisor(positionId: $p, supervisorPositionId: $s) { id } }`, {
      p: staff.id,
      s: head.id,
    });
    const grantee = await identity.service.prisma.userAccount.findFirstOrThrow({ where: { email: 'employee.siulak@kinerja.demo' } });
    await as('audit-grant', `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { role } }`, {
      input: { userId: grantee.id, role: 'HR_ADMIN', agencyId: agency.id },
    });

    const rows = await identity.service.prisma.auditLog.findMany({ where: { requestId: { startsWith: 'audit-' } }, orderBy: { occurredAt: 'asc' } });
    const summary = rows.map((row) => ({
      requestId: row.requestId,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      actor: row.actorUserId,
    }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { requestId: 'audit-agency', action: 'agency.created', entityType: 'Agency', entityId: agency.id, actor: admin.id },
        { requestId: 'audit-unit', action: 'org-unit.created', entityType: 'OrgUnit', entityId: unit.id, actor: admin.id },
        { requestId: 'audit-position', action: 'position.created', entityType: 'Position', entityId: head.id, actor: admin.id },
        { requestId: 'audit-supervisor', action: 'position.supervisor-changed', entityType: 'Position', entityId: staff.id, actor: admin.id },
        { requestId: 'audit-grant', action: 'role.granted', entityType: 'UserAccount', entityId: grantee.id, actor: admin.id },
      ]),
    );
    const supervisorChange = rows.find((row) => row.action === 'position.supervisor-changed');
    expect(supervisorChange?.before).toMatchObject({ supervisorPositionId: null });
    expect(supervisorChange?.after).toMatchObject({ supervisorPositionId: head.id });
    expect(rows.find((row) => row.action === 'role.granted')?.after).toEqual({ role: 'HR_ADMIN', agencyId: agency.id });
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
