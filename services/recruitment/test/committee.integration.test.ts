import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

import { employeeSnapshot, trainingCompleted } from './support/events';
import { data, errorOf, messageOf, recruitmentForTests, type Response } from './support/harness';
import * as Q from './support/operations';
import { applicantsOf, type Applied, nikOf, openVacancy } from './support/selection.fixture';
import { auditorOf, committeeMemberOf, hrOf } from './support/viewers';

const APPOINT = `mutation ($input: AppointCommitteeMemberInput!) { appointCommitteeMember(input: $input) { selectionId employeeId name trained } }`;
const DECLARE = `mutation ($input: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $input) { applicationId reason } }`;
const COMMITTEE = `query ($id: ID!) { selectionCommittee(selectionId: $id) { employeeId name trained } }`;

// The selection committee: appointed per selection, trained, barred by a declared conflict.
describe('the selection committee (subgraph)', () => {
  const harness = recruitmentForTests('recruitment_committee');
  const agency = randomUUID();
  const otherAgency = randomUUID();
  const hr = hrOf(agency);
  const member = (employeeId: string) => committeeMemberOf(agency, employeeId);
  const as = harness.as;

  async function employee(agencyId: string, status: 'ACTIVE' | 'LEFT' = 'ACTIVE'): Promise<string> {
    const employeeId = randomUUID();
    await harness.deliver(employeeSnapshot({ employeeId, agencyId }, status));
    return employeeId;
  }

  const committeeTrained = (employeeId: string) => harness.deliver(trainingCompleted({ employeeId, agencyId: agency }));

  async function selectionWithApplicants(count: number) {
    const { vacancyId, selectionId } = await openVacancy(harness, hr);
    const people = Array.from({ length: count }, (_, i) => ({
      nik: nikOf(10 + i, 3, 1998, false, Math.floor(Math.random() * 9000) + 1000),
      name: `Pelamar ${i}`,
    }));
    return { selectionId, vacancyId, applications: await applicantsOf(harness, vacancyId, people) };
  }

  /** A new employee of the agency, appointed by HR to the selection's committee (not yet trained). */
  async function appointedMember(selectionId: string): Promise<string> {
    const employeeId = await employee(agency);
    data(await as(hr)(APPOINT, { input: { selectionId, employeeId } }), 'appointCommitteeMember');
    return employeeId;
  }

  /** Rina on the committee of one selection with two applicants; another selection of the agency has one. */
  async function appointedToOneOfTwo() {
    const mine = await selectionWithApplicants(2);
    const theirs = await selectionWithApplicants(1);
    const rina = await appointedMember(mine.selectionId);
    const [first, second] = mine.applications as [Applied, Applied];
    return { mine, theirs, rina, rinaViewer: member(rina), first, second };
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
    expect(errorOf(await appoint(hrOf(otherAgency), rina))).toMatchObject({ code: 'NOT_FOUND', field: 'input.selectionId' });

    expect(data(await appoint(hr, rina), 'appointCommitteeMember')).toEqual({ selectionId, employeeId: rina, name: 'Rina Wati', trained: false });
    expect(errorOf(await appoint(hr, rina))).toMatchObject({ code: 'CONFLICT', field: 'input.employeeId' });
    expect(await harness.prisma.committeeMember.count({ where: { selectionId } })).toBe(1);
    expect(await harness.prisma.auditLog.count({ where: { entityId: selectionId, action: 'committee.member-appointed' } })).toBe(1);
  });

  it('lets a member work only on their selection, once trained, and never on a declared conflict', async () => {
    const { mine, theirs, rina, rinaViewer, first, second } = await appointedToOneOfTwo();
    const verify = (applicationId: string) => as(rinaViewer)(Q.VERIFY, { input: { applicationId, qualified: true } });

    // Appointed but not yet trained.
    const untrained = await verify(first.id);
    expect(errorOf(untrained)).toMatchObject({ code: 'FORBIDDEN' });
    expect(messageOf(untrained)).toContain('committee training');

    await committeeTrained(rina);
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
    expect(await harness.prisma.committeeConflict.count({ where: { applicationId: second.id } })).toBe(1);

    const barred = await verify(second.id);
    expect(errorOf(barred)).toMatchObject({ code: 'FORBIDDEN' });
    expect(messageOf(barred)).toContain(second.registrationNumber);
    expect((await harness.prisma.application.findUniqueOrThrow({ where: { id: second.id } })).status).toBe('SUBMITTED');
    // HR still verifies the applicant the member may not touch.
    expect(data<{ status: string }>(await as(hr)(Q.VERIFY, { input: { applicationId: second.id, qualified: true } }), 'verifyApplication').status).toBe(
      'QUALIFIED',
    );
  });
  it('lets a member read only their selection’s applications and objections, never a declared conflict; HR and auditors read all', async () => {
    const { mine, theirs, rinaViewer, first, second } = await appointedToOneOfTwo();
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
    const auditor = auditorOf(agency);
    for (const viewer of [hr, auditor]) {
      expect(ids(await as(viewer)(LIST, { id: mine.vacancyId }), 'applications').sort()).toEqual([first.id, second.id].sort());
      expect(ids(await as(viewer)(OBJECTIONS, { id: mine.selectionId }), 'objections').sort()).toEqual([first.id, second.id].sort());
    }
    expect(data<{ id: string }>(await as(second.viewer)(Q.APPLICATION, { id: second.id }), 'application').id).toBe(second.id);
    // HR of another agency: as if it did not exist.
    expect(errorOf(await as(hrOf(otherAgency))(Q.APPLICATION, { id: second.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("takes the test centre's export past the input guard's default length, the committee member trained", async () => {
    const { selectionId, applications } = await selectionWithApplicants(1);
    const [only] = applications as [(typeof applications)[0]];
    const rina = await appointedMember(selectionId);
    await committeeTrained(rina);
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
    const rina = await appointedMember(selectionId);
    await committeeTrained(rina);
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
    expect(await harness.prisma.application.count({ where: { selectionId, twk: { not: null } } })).toBe(0);
    const report = data<{ imported: number; rejected: { row: number; registrationNumber: string }[] }>(
      await as(rinaViewer)(Q.IMPORT, { input: { selectionId, csv: csvOf(fine.registrationNumber, refused.registrationNumber), skipRejectedRows: true } }),
      'importSkdScores',
    );
    expect(report).toMatchObject({ imported: 1, rejected: [{ row: 3, registrationNumber: refused.registrationNumber }] });
  });
});
