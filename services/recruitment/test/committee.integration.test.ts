import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';
import { loadConfig } from '@kinerja/config';
import { createEnvelope, type EventEnvelope } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';
import { type EventHandler, InProcessTransport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { graphql } from '../../../test/support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { startTestTokens, type TestTokens } from '../../../test/support/tokens';
import { recruitmentModule, type RecruitmentService } from '../src/recruitment.module';
import * as Q from './support';

type Response = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const APPOINT = `mutation ($input: AppointCommitteeMemberInput!) { appointCommitteeMember(input: $input) { selectionId employeeId name trained } }`;
const DECLARE = `mutation ($input: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $input) { applicationId reason } }`;
const COMMITTEE = `query ($id: ID!) { selectionCommittee(selectionId: $id) { employeeId name trained } }`;

// The selection committee: appointed per selection, trained, barred by a declared conflict.
describe('the selection committee (subgraph)', () => {
  let database: TestDatabase;
  let tokens: TestTokens;
  let service: RecruitmentService;
  const transport = new InProcessTransport();
  const agency = randomUUID();
  const otherAgency = randomUUID();
  const hr = Q.hrOf(agency);
  const member = (employeeId: string): Viewer => ({
    userId: randomUUID(),
    employeeId,
    agencyId: agency,
    grants: [{ role: 'SELECTION_COMMITTEE', agencyId: agency }],
  });
  const as = (viewer: Viewer | null) => async (query: string, variables: Record<string, unknown>) =>
    (await graphql(service.subgraph.graphqlUrl, query, variables, viewer ? tokens.tokenFor(viewer) : undefined)) as Response;
  const data = <T>(response: Response, field: string): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data?.[field] as T;
  };
  const errorOf = (response: Response) => response.errors?.[0]?.extensions;
  const messageOf = (response: Response) => response.errors?.[0]?.message;
  const deliver = async (event: EventEnvelope) => {
    await (service.wiring.handlers[event.type] as EventHandler)(event);
  };

  async function employee(agencyId: string, status: 'ACTIVE' | 'LEFT' = 'ACTIVE'): Promise<string> {
    const employeeId = randomUUID();
    await deliver(
      createEnvelope({
        id: randomUUID(),
        type: 'identity.employee.snapshot',
        agencyId,
        producer: 'identity',
        payload: {
          employeeId,
          agencyId,
          orgUnitId: randomUUID(),
          positionId: null,
          name: 'Rina Wati',
          nip: '199001012020122001',
          employmentType: 'PNS',
          supervisorEmployeeId: null,
          status,
        },
      }),
    );
    return employeeId;
  }

  const trainingCompleted = (employeeId: string) =>
    deliver(
      createEnvelope({
        id: randomUUID(),
        type: 'development.training.completed',
        agencyId: agency,
        producer: 'development',
        payload: {
          assignmentId: randomUUID(),
          employeeId,
          programId: randomUUID(),
          programTitle: 'Pelatihan Panitia Seleksi ASN',
          jp: 16,
          competencies: [],
          completedAt: new Date().toISOString(),
          certificateNumber: null,
        },
      }),
    );

  beforeAll(async () => {
    database = await createTestDatabase('recruitment_committee');
    tokens = await startTestTokens();
    const config = loadConfig(recruitmentModule.envSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', JWKS_URL: tokens.jwksUrl });
    service = await startService(recruitmentModule, config, createLogger({ name: 'recruitment', level: 'silent' }), { transport });
  });

  afterAll(async () => {
    await service?.stop();
    await transport.close();
    await tokens?.close();
    await database?.drop();
  });

  async function selectionWithApplicants(count: number) {
    const formation = data<{ id: string }>(
      await as(hr)(Q.PROPOSE, {
        input: {
          agencyId: agency,
          orgUnitId: randomUUID(),
          positionTitle: 'Analis SDM',
          need: 5,
          currentHolders: 1,
          quota: 1,
          justification: 'Kebutuhan analisis beban kerja bagian SDM.',
        },
      }),
      'proposeFormation',
    );
    data(await as(Q.provinceAdmin())(Q.APPROVE, { input: { formationId: formation.id } }), 'approveFormation');
    const selection = data<{ id: string; code: string }>(
      await as(hr)(Q.CREATE_SELECTION, {
        input: {
          agencyId: agency,
          code: `C-${randomUUID().slice(0, 6).toUpperCase()}`,
          name: 'CPNS 2027',
          year: 2027,
          registrationOpensAt: Q.inDays(-1),
          registrationClosesAt: Q.inDays(5),
        },
      }),
      'createSelection',
    );
    const vacancy = data<{ id: string }>(
      await as(hr)(Q.PUBLISH, {
        input: { formationId: formation.id, selectionId: selection.id, title: 'Analis SDM', education: 'S1 Psikologi', minAge: 18, maxAge: 35, documents: [] },
      }),
      'publishVacancy',
    );
    const applications: { id: string; registrationNumber: string; viewer: Viewer }[] = [];
    for (let i = 0; i < count; i++) {
      const viewer = Q.applicantAccount();
      data(
        await as(viewer)(Q.REGISTER, {
          input: {
            nik: Q.nikOf(10 + i, 3, 1998, false, Math.floor(Math.random() * 9000) + 1000),
            name: `Pelamar ${i}`,
            email: `${randomUUID().slice(0, 8)}@example.id`,
          },
        }),
        'registerApplicant',
      );
      const applied = data<{ id: string; registrationNumber: string }>(
        await as(viewer)(Q.APPLY, { input: { vacancyId: vacancy.id, idempotencyKey: `k-${randomUUID()}` } }),
        'applyToVacancy',
      );
      applications.push({ ...applied, viewer });
    }
    return { selectionId: selection.id, vacancyId: vacancy.id, applications };
  }

  it('lets HR appoint only active employees of the agency, once, and only HR appoint', async () => {
    const { selectionId } = await selectionWithApplicants(0);
    const appoint = (viewer: Viewer, employeeId: string) => as(viewer)(APPOINT, { input: { selectionId, employeeId } });

    expect(errorOf(await appoint(hr, await employee(otherAgency)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employeeId' });
    expect(errorOf(await appoint(hr, randomUUID()))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employeeId' });
    expect(errorOf(await appoint(hr, await employee(agency, 'LEFT')))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employeeId' });
    expect(errorOf(await appoint(hr, 'not-an-id'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.employeeId' });
    const rina = await employee(agency);
    expect(errorOf(await appoint(member(rina), rina))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await appoint(Q.hrOf(otherAgency), rina))).toMatchObject({ code: 'NOT_FOUND', field: 'input.selectionId' });

    expect(data(await appoint(hr, rina), 'appointCommitteeMember')).toEqual({ selectionId, employeeId: rina, name: 'Rina Wati', trained: false });
    expect(errorOf(await appoint(hr, rina))).toMatchObject({ code: 'CONFLICT', field: 'input.employeeId' });
    expect(await service.prisma.committeeMember.count({ where: { selectionId } })).toBe(1);
    expect(await service.prisma.auditLog.count({ where: { entityId: selectionId, action: 'committee.member-appointed' } })).toBe(1);
  });

  it('lets a member work only on their selection, once trained, and never on a declared conflict', async () => {
    const mine = await selectionWithApplicants(2);
    const theirs = await selectionWithApplicants(1);
    const rina = await employee(agency);
    const rinaViewer = member(rina);
    data(await as(hr)(APPOINT, { input: { selectionId: mine.selectionId, employeeId: rina } }), 'appointCommitteeMember');
    const [first, second] = mine.applications as [(typeof mine.applications)[0], (typeof mine.applications)[0]];
    const verify = (applicationId: string) => as(rinaViewer)(Q.VERIFY, { input: { applicationId, qualified: true } });

    // Appointed but not yet trained.
    const untrained = await verify(first.id);
    expect(errorOf(untrained)).toMatchObject({ code: 'FORBIDDEN' });
    expect(messageOf(untrained)).toContain('committee training');

    await trainingCompleted(rina);
    expect(data<{ trained: boolean }[]>(await as(hr)(COMMITTEE, { id: mine.selectionId }), 'selectionCommittee')).toEqual([
      { employeeId: rina, name: 'Rina Wati', trained: true },
    ]);
    expect(data<{ status: string }>(await verify(first.id), 'verifyApplication').status).toBe('QUALIFIED');

    // Another selection of the same agency: not appointed there.
    const outside = await verify(theirs.applications[0]!.id);
    expect(errorOf(outside)).toMatchObject({ code: 'FORBIDDEN' });
    expect(messageOf(outside)).toContain('not on the committee');
    const outsideImport = await as(rinaViewer)(Q.IMPORT, {
      input: { selectionId: theirs.selectionId, csv: 'registration_number,twk,tiu,tkp\n', skipRejectedRows: false },
    });
    expect(errorOf(outsideImport)).toMatchObject({ code: 'FORBIDDEN' });

    // A declared conflict bars the member from that applicant only, naming them.
    expect(errorOf(await as(rinaViewer)(DECLARE, { input: { applicationId: second.id, reason: '  ' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    expect(errorOf(await as(member(await employee(agency)))(DECLARE, { input: { applicationId: second.id, reason: 'Sepupu' } }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const declared = () => as(rinaViewer)(DECLARE, { input: { applicationId: second.id, reason: 'Adik ipar' } });
    expect(data(await declared(), 'declareConflictOfInterest')).toEqual({ applicationId: second.id, reason: 'Adik ipar' });
    expect(data(await declared(), 'declareConflictOfInterest')).toMatchObject({ applicationId: second.id });
    expect(await service.prisma.committeeConflict.count({ where: { applicationId: second.id } })).toBe(1);

    const barred = await verify(second.id);
    expect(errorOf(barred)).toMatchObject({ code: 'FORBIDDEN' });
    expect(messageOf(barred)).toContain(second.registrationNumber);
    expect((await service.prisma.application.findUniqueOrThrow({ where: { id: second.id } })).status).toBe('SUBMITTED');
    // HR still verifies the applicant the member may not touch.
    expect(data<{ status: string }>(await as(hr)(Q.VERIFY, { input: { applicationId: second.id, qualified: true } }), 'verifyApplication').status).toBe(
      'QUALIFIED',
    );
  });
  it('lets a member read only their selection’s applications and objections, never a declared conflict; HR and auditors read all', async () => {
    const mine = await selectionWithApplicants(2);
    const theirs = await selectionWithApplicants(1);
    const rina = await employee(agency);
    const rinaViewer = member(rina);
    data(await as(hr)(APPOINT, { input: { selectionId: mine.selectionId, employeeId: rina } }), 'appointCommitteeMember');
    const [first, second] = mine.applications as [(typeof mine.applications)[0], (typeof mine.applications)[0]];
    const LIST = `query ($id: ID!) { applications(vacancyId: $id) { id } }`;
    const OBJECTIONS = `query ($id: ID!) { objections(selectionId: $id, stage: ADMINISTRATION) { applicationId } }`;
    const ids = (response: Response, field: string) => data<{ id?: string; applicationId?: string }[]>(response, field).map((r) => r.id ?? r.applicationId);

    // Appointed, not yet trained: reading is allowed (working is not).
    expect(ids(await as(rinaViewer)(LIST, { id: mine.vacancyId }), 'applications').sort()).toEqual([first.id, second.id].sort());
    // Another selection of the same agency: neither the list nor one of its applications.
    expect(errorOf(await as(rinaViewer)(LIST, { id: theirs.vacancyId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await as(rinaViewer)(Q.APPLICATION, { id: theirs.applications[0]!.id }))).toMatchObject({ code: 'FORBIDDEN' });

    // Both applicants object to the administrative results; then Rina declares a conflict with the second.
    for (const a of [first, second]) data(await as(hr)(Q.VERIFY, { input: { applicationId: a.id, qualified: true } }), 'verifyApplication');
    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId: mine.selectionId, stage: 'ADMINISTRATION' } }), 'announceResults');
    for (const a of [first, second])
      data(await as(a.viewer)(Q.OBJECT, { input: { applicationId: a.id, stage: 'ADMINISTRATION', reason: 'Nilai saya keliru' } }), 'fileObjection');
    data(await as(rinaViewer)(DECLARE, { input: { applicationId: second.id, reason: 'Adik ipar' } }), 'declareConflictOfInterest');

    expect(ids(await as(rinaViewer)(LIST, { id: mine.vacancyId }), 'applications')).toEqual([first.id]);
    expect(data<{ id: string }>(await as(rinaViewer)(Q.APPLICATION, { id: first.id }), 'application').id).toBe(first.id);
    const barred = await as(rinaViewer)(Q.APPLICATION, { id: second.id });
    expect(errorOf(barred)).toMatchObject({ code: 'FORBIDDEN' });
    expect(messageOf(barred)).toContain(second.registrationNumber);
    expect(ids(await as(rinaViewer)(OBJECTIONS, { id: mine.selectionId }), 'objections')).toEqual([first.id]);
    expect(errorOf(await as(rinaViewer)(OBJECTIONS, { id: theirs.selectionId }))).toMatchObject({ code: 'FORBIDDEN' });

    // HR and an auditor of the agency read everything; the applicant reads their own.
    const auditor: Viewer = { userId: randomUUID(), employeeId: randomUUID(), agencyId: agency, grants: [{ role: 'AUDITOR', agencyId: agency }] };
    for (const viewer of [hr, auditor]) {
      expect(ids(await as(viewer)(LIST, { id: mine.vacancyId }), 'applications').sort()).toEqual([first.id, second.id].sort());
      expect(ids(await as(viewer)(OBJECTIONS, { id: mine.selectionId }), 'objections').sort()).toEqual([first.id, second.id].sort());
    }
    expect(data<{ id: string }>(await as(second.viewer)(Q.APPLICATION, { id: second.id }), 'application').id).toBe(second.id);
    // HR of another agency: as if it did not exist.
    expect(errorOf(await as(Q.hrOf(otherAgency))(Q.APPLICATION, { id: second.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("takes the test centre's export past the input guard's default length, the committee member trained", async () => {
    const { selectionId, applications } = await selectionWithApplicants(1);
    const [only] = applications as [(typeof applications)[0]];
    const rina = await employee(agency);
    data(await as(hr)(APPOINT, { input: { selectionId, employeeId: rina } }), 'appointCommitteeMember');
    await trainingCompleted(rina);
    data(await as(hr)(Q.VERIFY, { input: { applicationId: only.id, qualified: true } }), 'verifyApplication');
    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId, stage: 'ADMINISTRATION' } }), 'announceResults');
    const unknown = Array.from({ length: 40 }, (_, i) => `UNKNOWN-${String(i).padStart(6, '0')},100,100,180`);
    const csv = ['registration_number,twk,tiu,tkp', `${only.registrationNumber},100,120,180`, ...unknown].join('\n');
    expect(csv.length).toBeGreaterThan(1000);
    const report = data<{ imported: number; rejected: unknown[] }>(
      await as(member(rina))(Q.IMPORT, { input: { selectionId, csv, skipRejectedRows: true } }),
      'importSkdScores',
    );
    expect([report.imported, report.rejected.length]).toEqual([1, 40]);
  });

  it('checks an SKD import in the database: a declared conflict bars the member, an applicant not qualified is a rejected row', async () => {
    const { selectionId, applications } = await selectionWithApplicants(3);
    const [related, fine, refused] = applications as [(typeof applications)[0], (typeof applications)[0], (typeof applications)[0]];
    const rina = await employee(agency);
    data(await as(hr)(APPOINT, { input: { selectionId, employeeId: rina } }), 'appointCommitteeMember');
    await trainingCompleted(rina);
    const rinaViewer = member(rina);
    for (const application of [related, fine]) data(await as(hr)(Q.VERIFY, { input: { applicationId: application.id, qualified: true } }), 'verifyApplication');
    data(await as(hr)(Q.VERIFY, { input: { applicationId: refused.id, qualified: false, reason: 'Ijazah tidak sesuai.' } }), 'verifyApplication');
    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId, stage: 'ADMINISTRATION' } }), 'announceResults');
    data(await as(rinaViewer)(DECLARE, { input: { applicationId: related.id, reason: 'Saudara kandung' } }), 'declareConflictOfInterest');
    const csvOf = (...numbers: string[]) => ['registration_number,twk,tiu,tkp', ...numbers.map((n) => `${n},100,120,180`)].join('\n');

    const barred = await as(rinaViewer)(Q.IMPORT, {
      input: { selectionId, csv: csvOf(fine.registrationNumber, related.registrationNumber), skipRejectedRows: false },
    });
    expect(errorOf(barred)).toMatchObject({ code: 'FORBIDDEN' });
    expect(messageOf(barred)).toContain(related.registrationNumber);
    const rejected = await as(rinaViewer)(Q.IMPORT, {
      input: { selectionId, csv: csvOf(fine.registrationNumber, refused.registrationNumber), skipRejectedRows: false },
    });
    expect(errorOf(rejected)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv.row3.registration_number' });
    expect(messageOf(rejected)).toContain('NOT_QUALIFIED');
    expect(await service.prisma.application.count({ where: { selectionId, twk: { not: null } } })).toBe(0);
    const report = data<{ imported: number; rejected: { row: number; registrationNumber: string }[] }>(
      await as(rinaViewer)(Q.IMPORT, { input: { selectionId, csv: csvOf(fine.registrationNumber, refused.registrationNumber), skipRejectedRows: true } }),
      'importSkdScores',
    );
    expect(report).toMatchObject({ imported: 1, rejected: [{ row: 3, registrationNumber: refused.registrationNumber }] });
  });
});
