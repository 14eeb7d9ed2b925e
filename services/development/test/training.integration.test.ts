import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

import { type DevelopmentHarness, startDevelopmentOnPostgres, viewers } from './development-harness';
import { asViewer, codeOf, today } from './support/client';
import { assessmentFinalized, employeeRegistered, testEmployee } from './support/events';

const CREATE_PROGRAM = `mutation ($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id code jpHours provinceWide competencies { code kind } } }`;
const ADD_SESSION = `mutation ($input: AddTrainingSessionInput!) { addTrainingSession(input: $input) { id capacity seatsLeft } }`;
const ASSIGN = `mutation ($input: AssignTrainingInput!) { assignTraining(input: $input) { id status reason program { code } } }`;
const START = `mutation ($id: ID!) { startTraining(assignmentId: $id) { id status } }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelTrainingAssignment(assignmentId: $id, reason: $reason) { id status cancellationReason } }`;
const COMPLETE = `mutation ($input: RecordTrainingCompletionInput!) {
  recordTrainingCompletion(input: $input) { id status result earnedJp completedOn certificate { number jp holderName downloadPath } } }`;
const HOURS = `query ($reps: [_Any!]!, $year: Int!) { _entities(representations: $reps) { ... on Employee { id learningHours(year: $year) { completed required remaining cap } } } }`;
const VERIFY = `query ($number: String!) { verifyCertificate(number: $number) { valid programTitle jp completedOn holderName } }`;

describe('development: catalogue, assignments, completion and certificates', () => {
  let harness: DevelopmentHarness;
  const agencyId = randomUUID();
  let hr: Viewer;
  let programIds: Record<string, string>;

  beforeAll(async () => {
    harness = await startDevelopmentOnPostgres('training');
    hr = viewers.hrOf(agencyId);
    const programmes = await harness.service.prisma.trainingProgram.findMany({ where: { agencyId: null } });
    programIds = Object.fromEntries(programmes.map((p) => [p.code, p.id]));
  });
  afterAll(() => harness?.stop());

  async function newEmployee(overrides: Parameters<typeof testEmployee>[1] = {}) {
    const employee = testEmployee(agencyId, overrides);
    await harness.deliver(employeeRegistered(employee));
    return employee;
  }

  async function assign(employeeId: string, code: string, sessionId?: string) {
    const result = await asViewer(harness, hr)(ASSIGN, { input: { employeeId, programId: programIds[code], sessionId } });
    return result;
  }

  it("lets HR add a programme to its agency's catalogue, listed beside the province-wide one", async () => {
    const created = await asViewer(harness, hr)(CREATE_PROGRAM, {
      input: { agencyId, code: 'sipd-dasar', title: 'SIPD untuk Perencana', jpHours: 12, mode: 'E_LEARNING', competencyCodes: ['TKN-PENGELOLAAN-KEUANGAN'] },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.['createTrainingProgram']).toMatchObject({ code: 'SIPD-DASAR', provinceWide: false, competencies: [{ kind: 'TECHNICAL' }] });
    const listed = await asViewer(harness, hr)(`query ($agencyId: ID) { trainingPrograms(agencyId: $agencyId) { code provinceWide } }`, { agencyId });
    const codes = (listed.data?.['trainingPrograms'] as { code: string }[]).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['SIPD-DASAR', 'KOM-EFEKTIF', 'LATSAR-CPNS', 'COACHING-KINERJA']));
  });

  it.each([0, -4])('refuses a programme of %i JP as BAD_USER_INPUT on input.jpHours', async (jpHours) => {
    const result = await asViewer(harness, hr)(CREATE_PROGRAM, {
      input: { agencyId, code: `NOL-${Math.abs(jpHours)}`, title: 'Tanpa JP', jpHours, mode: 'WORKSHOP', competencyCodes: ['KOMPETEN'] },
    });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('input.jpHours');
  });

  it('keeps the province-wide catalogue to the province admin', async () => {
    const input = { code: 'PROV-BARU', title: 'Baru', jpHours: 8, mode: 'WORKSHOP', competencyCodes: ['KOMPETEN'] };
    expect(codeOf(await asViewer(harness, hr)(CREATE_PROGRAM, { input }))).toBe('FORBIDDEN');
    expect((await asViewer(harness, viewers.provinceAdmin())(CREATE_PROGRAM, { input })).data?.['createTrainingProgram']).toMatchObject({ provinceWide: true });
  });

  it('refuses an enrolment in a session whose seats are taken (CONFLICT)', async () => {
    const input = { programId: programIds['HARMONI-KERJA'], startDate: '2026-12-01', endDate: '2026-12-02', capacity: 1 };
    // The province's programme is scheduled by the province admin; agency HR enrols its staff.
    expect(codeOf(await asViewer(harness, hr)(ADD_SESSION, { input }))).toBe('FORBIDDEN');
    const session = await asViewer(harness, viewers.provinceAdmin())(ADD_SESSION, { input });
    const sessionId = (session.data?.['addTrainingSession'] as { id: string }).id;
    const [first, second] = [await newEmployee(), await newEmployee()];
    expect((await assign(first.employeeId, 'HARMONI-KERJA', sessionId)).errors).toBeUndefined();
    const refused = await assign(second.employeeId, 'HARMONI-KERJA', sessionId);
    expect(codeOf(refused)).toBe('CONFLICT');
  });

  it('refuses a session that ends before it starts', async () => {
    const result = await asViewer(harness, viewers.provinceAdmin())(ADD_SESSION, {
      input: { programId: programIds['HARMONI-KERJA'], startDate: '2026-12-05', endDate: '2026-12-01', capacity: 10 },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
  });

  it('completes a training: JP grow, a certificate anyone can verify, development.training.completed published', async () => {
    const employee = await newEmployee({ name: 'Siti Rahmawati' });
    const reps = [{ __typename: 'Employee', id: employee.employeeId }];
    const year = Number(today().slice(0, 4));
    const before = await asViewer(harness, hr)(HOURS, { reps, year });
    expect(before.data?.['_entities'][0].learningHours).toEqual({ completed: 0, required: 20, remaining: 20, cap: null });

    const assigned = await assign(employee.employeeId, 'KOM-EFEKTIF');
    const assignmentId = (assigned.data?.['assignTraining'] as { id: string }).id;
    const started = await asViewer(harness, viewers.employee(employee.employeeId, agencyId))(START, { id: assignmentId });
    expect(started.data?.['startTraining']).toEqual({ id: assignmentId, status: 'IN_PROGRESS' });
    const completed = await asViewer(harness, hr)(COMPLETE, { input: { assignmentId, result: 'PASSED', completedOn: today() } });
    expect(completed.errors).toBeUndefined();
    const done = completed.data?.['recordTrainingCompletion'];
    expect(done).toMatchObject({ status: 'COMPLETED', result: 'PASSED', earnedJp: 16, certificate: { jp: 16, holderName: 'Siti Rahmawati' } });
    expect(done.certificate.number).toMatch(/^KNJ\/[0-9A-F]{8}\/\d{4}\/\d{6}-[0-9A-Z]{5}-[0-9A-Z]$/);

    const after = await asViewer(harness, hr)(HOURS, { reps, year });
    expect(after.data?.['_entities'][0].learningHours).toEqual({ completed: 16, required: 20, remaining: 4, cap: null });

    const verified = await asViewer(harness)(VERIFY, { number: done.certificate.number.toLowerCase() });
    expect(verified.data?.['verifyCertificate']).toEqual({
      valid: true,
      programTitle: 'Komunikasi Efektif',
      jp: 16,
      completedOn: today(),
      holderName: 'S*** R********',
    });

    const outbox = await harness.service.prisma.outboxEvent.findMany({ where: { type: 'development.training.completed', key: employee.employeeId } });
    expect(outbox.map((row) => (row.envelope as { payload: unknown }).payload)).toEqual([
      expect.objectContaining({ assignmentId, jp: 16, programTitle: 'Komunikasi Efektif', certificateNumber: done.certificate.number }),
    ]);
  });

  it('answers valid:false and nothing else for an unknown or malformed certificate number', async () => {
    for (const number of ['KNJ/ABCDEF12/2026/000999-0', 'not a certificate', '', "KNJ/' OR 1=1 --"]) {
      const result = await asViewer(harness)(VERIFY, { number });
      expect(result.errors).toBeUndefined();
      expect(result.data?.['verifyCertificate']).toEqual({ valid: false, programTitle: null, jp: null, completedOn: null, holderName: null });
    }
  });

  it('refuses to complete a cancelled assignment (CONFLICT)', async () => {
    const employee = await newEmployee();
    const assignmentId = ((await assign(employee.employeeId, 'WAWASAN-KEBANGSAAN')).data?.['assignTraining'] as { id: string }).id;
    const cancelled = await asViewer(harness, hr)(CANCEL, { id: assignmentId, reason: 'Pegawai cuti di luar tanggungan negara' });
    expect(cancelled.data?.['cancelTrainingAssignment']).toMatchObject({ status: 'CANCELLED' });
    const result = await asViewer(harness, hr)(COMPLETE, { input: { assignmentId, result: 'PASSED', completedOn: today() } });
    expect(codeOf(result)).toBe('CONFLICT');
  });

  it('refuses a training that would take a PPPK past 24 JP (CONFLICT)', async () => {
    const employee = await newEmployee({ employmentType: 'PPPK' });
    expect((await assign(employee.employeeId, 'KOM-EFEKTIF')).errors).toBeUndefined();
    expect(codeOf(await assign(employee.employeeId, 'AKUNTABILITAS-KINERJA'))).toBe('CONFLICT');
  });

  it('lets HR choose the programme of a gap awaiting its choice', async () => {
    const employee = await newEmployee();
    const event = assessmentFinalized(employee, { predikat: 'SANGAT_KURANG', behaviourGaps: [], workResultGaps: [] });
    await harness.deliver(event);
    const list = await asViewer(harness, hr)(
      `query ($agencyId: ID!) { agencyTrainingAssignments(agencyId: $agencyId, status: AWAITING_HR_CHOICE, first: 200) { edges { node { id employee { id } } } } }`,
      { agencyId },
    );
    const edges = list.data?.['agencyTrainingAssignments'].edges as { node: { id: string; employee: { id: string } } }[];
    const waiting = edges.map((edge) => edge.node).find((a) => a.employee.id === employee.employeeId);
    const chosen = await asViewer(harness, hr)(
      `mutation ($id: ID!, $programId: ID!) { chooseProgramForAssignment(assignmentId: $id, programId: $programId) { status reason sourceEventId program { code } gaps { kind predikat } } }`,
      { id: waiting?.id, programId: programIds['COACHING-KINERJA'] },
    );
    expect(chosen.data?.['chooseProgramForAssignment']).toEqual({
      status: 'ASSIGNED',
      reason: 'PERFORMANCE_GAP',
      sourceEventId: event.id,
      program: { code: 'COACHING-KINERJA' },
      gaps: [{ kind: 'OVERALL', predikat: 'SANGAT_KURANG' }],
    });
  });

  it("reports the agency's PNS below their JP entitlement, leaving PPPK out", async () => {
    const pppk = await newEmployee({ employmentType: 'PPPK' });
    const result = await asViewer(harness, hr)(
      `query ($agencyId: ID!, $year: Int!) { learningHoursBelowEntitlement(agencyId: $agencyId, year: $year) { employee { id } employmentType learningHours { completed remaining } } }`,
      { agencyId, year: Number(today().slice(0, 4)) },
    );
    const rows = result.data?.['learningHoursBelowEntitlement'] as { employee: { id: string }; employmentType: string; learningHours: { completed: number } }[];
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((row) => row.employmentType !== 'PPPK' && row.learningHours.completed < 20)).toBe(true);
    expect(rows.map((row) => row.employee.id)).not.toContain(pppk.employeeId);
    expect(
      codeOf(
        await asViewer(harness, viewers.hrOf(randomUUID()))(`query ($a: ID!) { learningHoursBelowEntitlement(agencyId: $a, year: 2026) { employmentType } }`, {
          a: agencyId,
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('pages the agency work list with first/after, oldest first, never skipping or repeating an assignment', async () => {
    const ownAgency = randomUUID();
    const ownHr = viewers.hrOf(ownAgency);
    const employee = testEmployee(ownAgency);
    await harness.deliver(employeeRegistered(employee));
    // Five gaps in one event: five assignments made in one transaction, so they share created_at.
    await harness.deliver(
      assessmentFinalized(employee, { predikat: 'SANGAT_KURANG', behaviourGaps: ['KOLABORATIF', 'AKUNTABEL', 'HARMONIS', 'LOYAL', 'ADAPTIF'] }),
    );
    const PAGE = `query ($a: ID!, $after: String) {
      agencyTrainingAssignments(agencyId: $a, first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount } }`;
    type Page = { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };
    const seen: string[] = [];
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const result = await asViewer(harness, ownHr)(PAGE, { a: ownAgency, after });
      expect(result.errors).toBeUndefined();
      const page = result.data?.['agencyTrainingAssignments'] as Page;
      pages.push(page);
      seen.push(...page.edges.map((edge) => edge.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && pages.length < 10);
    expect(pages.map((page) => page.edges.length)).toEqual([2, 2, 1]);
    expect(pages.every((page) => page.totalCount === 5)).toBe(true);
    const stored = await harness.service.prisma.trainingAssignment.findMany({ where: { agencyId: ownAgency }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    expect(seen).toEqual(stored.map((row) => row.id));

    const bad = await asViewer(harness, ownHr)(PAGE, { a: ownAgency, after: 'bukan-kursor' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.field).toBe('after');
  });

  it('counts a Latsar CPNS passed in an earlier year as done in the agency report', async () => {
    const ownAgency = randomUUID();
    const ownHr = viewers.hrOf(ownAgency);
    const year = Number(today().slice(0, 4));
    const [done, pending] = [testEmployee(ownAgency, { employmentType: 'CPNS' }), testEmployee(ownAgency, { employmentType: 'CPNS' })];
    for (const employee of [done, pending]) await harness.deliver(employeeRegistered(employee));
    const assigned = await asViewer(harness, ownHr)(ASSIGN, { input: { employeeId: done.employeeId, programId: programIds['LATSAR-CPNS'] } });
    expect(assigned.errors).toBeUndefined();
    const passed = await asViewer(harness, ownHr)(COMPLETE, {
      input: { assignmentId: assigned.data?.['assignTraining'].id, result: 'PASSED', completedOn: `${year - 1}-11-20` },
    });
    expect(passed.errors).toBeUndefined();

    const report = await asViewer(harness, ownHr)(
      `query ($a: ID!, $year: Int!) { learningHoursBelowEntitlement(agencyId: $a, year: $year) { employee { id } learningHours { completed latsarPending } } }`,
      { a: ownAgency, year },
    );
    expect(report.errors).toBeUndefined();
    const rows = report.data?.['learningHoursBelowEntitlement'] as { employee: { id: string }; learningHours: { completed: number; latsarPending: boolean } }[];
    const rowOf = (employeeId: string) => rows.find((row) => row.employee.id === employeeId)?.learningHours;
    // Last year's JP do not count this year, but Latsar is done for good; the employee's own view agrees.
    expect(rowOf(done.employeeId)).toEqual({ completed: 0, latsarPending: false });
    expect(rowOf(pending.employeeId)).toEqual({ completed: 0, latsarPending: true });
    const own = await asViewer(harness, ownHr)(
      `query ($reps: [_Any!]!, $year: Int!) { _entities(representations: $reps) { ... on Employee { learningHours(year: $year) { latsarPending } } } }`,
      { reps: [{ __typename: 'Employee', id: done.employeeId }], year },
    );
    expect(own.data?.['_entities']).toEqual([{ learningHours: { latsarPending: false } }]);
  });
});
