import { randomUUID } from 'node:crypto';

import { graphql, login } from '../../../test/support/graphql-client';
import { type IdentityHarness, startIdentityOnPostgres } from './identity-harness';
import { minimalXlsx } from './minimal-xlsx';

// The bulk import of employees through identity's graph on a real PostgreSQL: the dry run's exact
// report, the commit, a re-import that changes nothing and a changed row that changes only itself.
describe('identity employee import', () => {
  let identity: IdentityHarness;
  let agencyId: string;
  let hrToken: string;
  let otherHrToken: string;
  let otherAgencyNip: string;

  const JOB = `id status totalRows processedRows validRows invalidRows createdCount updatedCount unchangedCount failure
    problems { row column code message messageEnglish }`;
  const START = `mutation ($input: StartEmployeeImportInput!) { startEmployeeImport(input: $input) { ${JOB} } }`;
  const COMMIT = `mutation ($input: CommitEmployeeImportInput!) { commitEmployeeImport(input: $input) { ${JOB} } }`;
  const READ = `query ($id: ID!) { employeeImport(id: $id) { ${JOB} agency { code } } }`;

  interface Job {
    id: string;
    status: string;
    totalRows: number;
    processedRows: number;
    validRows: number;
    invalidRows: number;
    createdCount: number;
    updatedCount: number;
    unchangedCount: number;
    failure: string | null;
    problems: { row: number; column: string; code: string; message: string; messageEnglish: string }[];
  }

  /** Polls the job the way the uploader's screen does, until the background work is over. */
  const settle = async (id: string): Promise<Job> => {
    for (let i = 0; i < 400; i += 1) {
      const result = await graphql<{ employeeImport: Job }>(identity.url, READ, { id }, hrToken);
      const job = result.data?.employeeImport;
      if (!job) throw new Error(JSON.stringify(result.errors));
      if (job.status !== 'CHECKING' && job.status !== 'COMMITTING') return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the import did not settle');
  };
  const check = async (content: Buffer, fileName = 'pegawai.csv', token = hrToken) => {
    const result = await graphql<{ startEmployeeImport: Job }>(
      identity.url,
      START,
      { input: { agencyId, fileName, contentBase64: content.toString('base64') } },
      token,
    );
    if (!result.data?.startEmployeeImport) return { errors: result.errors };
    return { job: await settle(result.data.startEmployeeImport.id) };
  };
  const commit = async (importId: string, skipInvalidRows = false) => {
    const result = await graphql<{ commitEmployeeImport: Job }>(identity.url, COMMIT, { input: { importId, skipInvalidRows } }, hrToken);
    if (!result.data?.commitEmployeeImport) return { errors: result.errors };
    return { job: await settle(result.data.commitEmployeeImport.id) };
  };
  const writes = async () => {
    const prisma = identity.service.prisma;
    return {
      employees: await prisma.employee.count(),
      events: await prisma.outboxEvent.count({ where: { type: { startsWith: 'identity.employee.' } } }),
      audit: await prisma.auditLog.count(),
      positions: await prisma.position.count({ where: { supervisorPositionId: null } }),
    };
  };
  const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n'));
  const HEADER = ['NIP', 'Nama', 'Jenis', 'Golongan', 'Jabatan', 'Unit Kerja', 'Jabatan Atasan', 'E-mail'];

  beforeAll(async () => {
    identity = await startIdentityOnPostgres('import');
    const prisma = identity.service.prisma;
    agencyId = (await prisma.agency.findUniqueOrThrow({ where: { code: 'KOTA-TANJUNGPINANG' } })).id;
    const hr = identity.accounts.find((a) => a.role === 'HR_ADMIN' && a.login.includes('tanjungpinang'))!;
    const otherHr = identity.accounts.find((a) => a.role === 'HR_ADMIN' && a.login.includes('siulak'))!;
    hrToken = await login(identity.url, { email: hr.login });
    otherHrToken = await login(identity.url, { email: otherHr.login });
    otherAgencyNip = otherHr.nip!;
    // Vacant posts of the city's health office for the file to fill.
    const unit = await prisma.orgUnit.findFirstOrThrow({ where: { agencyId, code: 'DINKES' } });
    const kabid = await prisma.position.findFirstOrThrow({ where: { orgUnitId: unit.id, title: 'Kepala Bidang Pelayanan Kesehatan' } });
    const post = (title: string) => ({ id: randomUUID(), agencyId, orgUnitId: unit.id, title, supervisorPositionId: kabid.id });
    await prisma.position.createMany({
      data: [post('Perawat Terampil'), post('Perawat Terampil'), post('Perawat Terampil'), post('Perawat Penyelia'), post('Bidan Penyelia')],
    });
  });
  afterAll(() => identity?.stop());

  const good = (nip: string, name: string, extra: Partial<Record<'rank' | 'position' | 'supervisor' | 'email', string>> = {}) => [
    nip,
    name,
    'PNS',
    extra.rank ?? 'II/c',
    extra.position ?? 'Perawat Terampil',
    'DINKES',
    extra.supervisor ?? 'Kepala Bidang Pelayanan Kesehatan',
    extra.email ?? '',
  ];

  it('answers every kind of bad row with its row, column and code, and refuses to commit the file as it is', async () => {
    const before = await writes();
    const { job } = await check(
      csv([
        HEADER,
        good('199001012015031001', 'Valid Row'),
        good('19900101201503100', 'Short Nip'),
        good('199202022016032002', 'Twice One'),
        good('199202022016032002', 'Twice Two'),
        good(otherAgencyNip, 'Elsewhere'),
        ['199303032017031003', 'Unknown Unit', 'PNS', 'II/c', 'Perawat Terampil', 'BAPPEDA', '', ''],
        good('199404042018032004', 'Unknown Post', { position: 'Camat' }),
        ['199505052019031005', '', 'HONORER', 'II/c', 'Perawat Terampil', 'DINKES', '', ''],
        good('199606062020032006', 'Bad Mail', { email: 'perawat@' }),
        good('199707072021031007', 'Loop One', { position: 'Perawat Penyelia', supervisor: 'Bidan Penyelia' }),
        good('199808082022032008', 'Loop Two', { position: 'Bidan Penyelia', supervisor: 'Perawat Penyelia' }),
        good('199909092023031009', 'No Chief', { supervisor: 'Bupati' }),
      ]),
    );
    expect(job).toMatchObject({ status: 'CHECKED', totalRows: 12, processedRows: 12, validRows: 1, invalidRows: 11 });
    expect(job!.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'nip', 'NIP_INVALID'],
      [4, 'nip', 'NIP_DUPLICATE_IN_FILE'],
      [5, 'nip', 'NIP_DUPLICATE_IN_FILE'],
      [6, 'nip', 'NIP_IN_OTHER_AGENCY'],
      [7, 'unit', 'UNIT_UNKNOWN'],
      [8, 'position', 'POSITION_UNKNOWN'],
      [9, 'name', 'VALUE_REQUIRED'],
      [9, 'type', 'TYPE_INVALID'],
      [10, 'email', 'EMAIL_INVALID'],
      [11, 'supervisorPosition', 'REPORTING_CYCLE'],
      [12, 'supervisorPosition', 'REPORTING_CYCLE'],
      [13, 'supervisorPosition', 'SUPERVISOR_POSITION_UNKNOWN'],
    ]);
    expect(job!.problems[1]).toMatchObject({
      message: 'NIP 199202022016032002 juga ada pada baris 5',
      messageEnglish: 'NIP 199202022016032002 is also on row 5',
    });
    expect(job!.problems[0]?.messageEnglish).toBe('The NIP is invalid: must be exactly 18 digits');

    const refused = await commit(job!.id);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.skipInvalidRows' });
    expect(await writes()).toEqual(before);
  });

  it('reports a file without a required column on row 1 and has nothing to commit', async () => {
    const { job } = await check(
      csv([
        ['NIP', 'Nama', 'Unit Kerja'],
        ['198701012010011001', 'Rina', 'DINKES'],
      ]),
    );
    expect(job).toMatchObject({ status: 'CHECKED', totalRows: 0, problems: [{ row: 1, column: 'type', code: 'MISSING_COLUMN' }] });
    const refused = await commit(job!.id, true);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  const first = [
    HEADER,
    good('198701012010011001', 'Rina Perawati', { email: 'rina@tanjungpinang.go.id' }),
    good('198802022011012002', 'Dodi Kurniawan'),
    good('198903032012011003', 'Sari Wulandari', { position: 'Perawat Penyelia', supervisor: 'Kepala Dinas Kesehatan' }),
  ];

  it('commits an XLSX file, and the same rows again as CSV change nothing', async () => {
    const before = await writes();
    const { job: checked } = await check(minimalXlsx(first), 'pegawai.xlsx');
    expect(checked).toMatchObject({ status: 'CHECKED', validRows: 3, invalidRows: 0, problems: [] });
    const { job } = await commit(checked!.id);
    expect(job).toMatchObject({ status: 'COMMITTED', createdCount: 3, updatedCount: 0, unchangedCount: 0, processedRows: 3 });
    const after = await writes();
    // 3 registrations, and the Perawat Penyelia post now reports to the head of the office.
    expect(after).toEqual({ employees: before.employees + 3, events: before.events + 3, audit: before.audit + 4, positions: before.positions });
    const sari = await identity.service.prisma.employee.findUniqueOrThrow({ where: { nip: '198903032012011003' }, include: { position: true } });
    const registered = await identity.service.prisma.outboxEvent.findMany({ where: { type: 'identity.employee.registered', key: sari.id } });
    expect(registered).toHaveLength(1);
    const head = await identity.service.prisma.employee.findFirstOrThrow({ where: { position: { title: 'Kepala Dinas Kesehatan', agencyId } } });
    expect((registered[0]!.envelope as { payload: { supervisorEmployeeId: string } }).payload.supervisorEmployeeId).toBe(head.id);

    const { job: again } = await check(csv(first));
    expect(again).toMatchObject({ status: 'CHECKED', validRows: 3, invalidRows: 0 });
    expect(await commit(again!.id)).toMatchObject({ job: { status: 'COMMITTED', createdCount: 0, updatedCount: 0, unchangedCount: 3 } });
    expect(await writes()).toEqual(after);
  });

  it('a changed row updates only what changed, with its event and audit row', async () => {
    const before = await writes();
    const changed = [
      HEADER,
      good('198701012010011001', 'Rina Perawati', { email: 'rina@tanjungpinang.go.id', rank: 'II/d' }),
      good('198802022011012002', 'Dodi Kurniawan', { position: 'Bidan Penyelia' }),
      first[3]!,
    ];
    const { job: checked } = await check(csv(changed));
    const { job } = await commit(checked!.id);
    expect(job).toMatchObject({ status: 'COMMITTED', createdCount: 0, updatedCount: 2, unchangedCount: 1 });
    // A rank is not in other services' copies: an audit row, no event. A new post: transferred.
    expect(await writes()).toEqual({ ...before, events: before.events + 1, audit: before.audit + 2 });
    const prisma = identity.service.prisma;
    const rina = await prisma.employee.findUniqueOrThrow({ where: { nip: '198701012010011001' } });
    const dodi = await prisma.employee.findUniqueOrThrow({ where: { nip: '198802022011012002' } });
    expect(rina.rank).toBe('II/d');
    const audits = await prisma.auditLog.findMany({ where: { entityId: { in: [rina.id, dodi.id] }, action: { not: 'employee.registered' } } });
    expect(audits.map((a) => a.action).sort()).toEqual(['employee.transferred', 'employee.updated']);
    expect(await prisma.outboxEvent.count({ where: { type: 'identity.employee.transferred', key: dodi.id } })).toBe(1);
  });

  it('checks again at the commit: a row the data made invalid since the dry run fails the commit, writing nothing', async () => {
    const prisma = identity.service.prisma;
    const unit = await prisma.orgUnit.findFirstOrThrow({ where: { agencyId, code: 'DINKES' } });
    const post = await prisma.position.create({ data: { id: randomUUID(), agencyId, orgUnitId: unit.id, title: 'Apoteker' } });
    const { job: checked } = await check(csv([HEADER, good('199101012016011011', 'Apt. Lina', { position: 'Apoteker', supervisor: '' })]));
    expect(checked).toMatchObject({ status: 'CHECKED', validRows: 1 });
    // Meanwhile someone else is put in the post.
    await prisma.employee.create({
      data: { id: randomUUID(), agencyId, nip: '199202022017012012', name: 'Apt. Other', employmentType: 'PNS', orgUnitId: unit.id, positionId: post.id },
    });
    const before = await writes();
    const { job } = await commit(checked!.id);
    expect(job).toMatchObject({ status: 'FAILED', validRows: 0, invalidRows: 1, problems: [{ row: 2, column: 'position', code: 'POSITION_TAKEN' }] });
    expect(await writes()).toEqual(before);
  });

  it("another agency's HR can neither import into this agency nor read its import", async () => {
    const refused = await check(csv(first), 'pegawai.csv', otherHrToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { job } = await check(csv(first));
    const read = await graphql(identity.url, READ, { id: job!.id }, otherHrToken);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
