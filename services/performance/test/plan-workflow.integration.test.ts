import { type PerformanceHarness, startWithOrganisation } from './performance-harness';
import {
  ADD_INDICATOR,
  ADD_WORK_RESULT,
  APPROVE,
  approvedPlan,
  CREATE_PERIOD,
  CREATE_PLAN,
  FINALIZE,
  finalizeInput,
  ok,
  PLAN,
  REOPEN,
  report,
  RETURN,
  SUBMIT,
} from './support/operations';
import type { demoOrganisation } from './support/organisation';

// The SKP from draft to approval on a real PostgreSQL, through the subgraph's GraphQL API.
describe('performance periods and the SKP workflow', () => {
  let h: PerformanceHarness;
  let org: ReturnType<typeof demoOrganisation>;
  let year: { id: string; subPeriods: { id: string; index: number }[] };

  beforeAll(async () => {
    ({ harness: h, org } = await startWithOrganisation('plan'));
  });
  afterAll(() => h?.stop());

  it("lets only the agency's HR admin open a year, with quarterly sub-periods and deadlines", async () => {
    const input = { agencyId: org.agencyA, year: 2031 };
    expect((await h.gql(CREATE_PERIOD, { input }, org.staff[0].viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await h.gql(CREATE_PERIOD, { input }, org.hrB)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    year = ok(await h.gql(CREATE_PERIOD, { input }, org.hrA), 'createPerformancePeriod');
    expect(year.subPeriods).toHaveLength(4);
    expect(year.subPeriods[0]).toMatchObject({ index: 1, startDate: '2031-01-01', endDate: '2031-03-31', fillInDeadline: '2031-04-10' });
    expect((await h.gql(CREATE_PERIOD, { input }, org.hrA)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.year' });
    const listed = await h.gql(`query ($a: ID!) { performancePeriods(agencyId: $a) { year } }`, { a: org.agencyA }, org.staff[0].viewer);
    expect(ok(listed, 'performancePeriods')).toEqual([{ year: 2031 }]);
    const foreign = await h.gql(`query ($a: ID!) { performancePeriods(agencyId: $a) { year } }`, { a: org.agencyA }, org.employeeB.viewer);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('takes a plan from draft to approval: submitted, returned with a note, reopened, approved by the direct supervisor only', async () => {
    const employee = org.staff[0];
    const plan = ok<{ id: string; status: string }>(await h.gql(CREATE_PLAN, { input: { periodId: year.id } }, employee.viewer), 'createPerformancePlan');
    expect(plan.status).toBe('DRAFT');
    const main = ok<{ id: string }>(
      await h.gql(ADD_WORK_RESULT, { input: { planId: plan.id, kind: 'MAIN', title: 'Menyusun analisis jabatan' } }, employee.viewer),
      'addWorkResult',
    );
    const indicator = (target: number) => ({ input: { workResultId: main.id, aspect: 'QUANTITY', description: 'Dokumen anjab', target, unit: 'dokumen' } });
    for (const target of [0, -3]) {
      expect((await h.gql(ADD_INDICATOR, indicator(target), employee.viewer)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.target',
      });
    }
    ok(await h.gql(ADD_INDICATOR, indicator(12), employee.viewer), 'addIndicator');
    const bySupervisor = await h.gql(ADD_WORK_RESULT, { input: { planId: plan.id, kind: 'MAIN', title: 'Bukan miliknya' } }, org.supervisor.viewer);
    expect(bySupervisor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect(ok(await h.gql(SUBMIT, { id: plan.id }, employee.viewer), 'submitPerformancePlan')).toMatchObject({ status: 'SUBMITTED' });
    expect(ok(await h.gql(PLAN, { id: plan.id }, org.supervisor.viewer), 'performancePlan')).toMatchObject({ allowedActions: ['APPROVE', 'RETURN'] });
    for (const stranger of [employee.viewer, org.otherSupervisor.viewer, org.supervisorB.viewer, org.hrA]) {
      expect((await h.gql(APPROVE, { id: plan.id }, stranger)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await h.gql(RETURN, { id: plan.id, note: '  ' }, org.supervisor.viewer)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'note',
    });
    const returned = ok(await h.gql(RETURN, { id: plan.id, note: 'Tambahkan RHK tambahan untuk pelatihan' }, org.supervisor.viewer), 'returnPerformancePlan');
    expect(returned).toMatchObject({ status: 'RETURNED', returnNote: 'Tambahkan RHK tambahan untuk pelatihan' });
    expect(ok(await h.gql(REOPEN, { id: plan.id }, employee.viewer), 'reopenPerformancePlan')).toMatchObject({ status: 'DRAFT' });
    ok(await h.gql(ADD_WORK_RESULT, { input: { planId: plan.id, kind: 'ADDITIONAL', title: 'Mengikuti pelatihan' } }, employee.viewer), 'addWorkResult');
    const additionalWithoutIndicator = await h.gql(SUBMIT, { id: plan.id }, employee.viewer);
    expect(additionalWithoutIndicator.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const plain = ok<{ workResults: { id: string; kind: string }[] }>(await h.gql(PLAN, { id: plan.id }, employee.viewer), 'performancePlan');
    const additional = plain.workResults.find((w) => w.kind === 'ADDITIONAL')!;
    ok(
      await h.gql(
        ADD_INDICATOR,
        { input: { workResultId: additional.id, aspect: 'QUANTITY', description: 'Pelatihan', target: 1, unit: 'kali' } },
        employee.viewer,
      ),
      'addIndicator',
    );
    ok(await h.gql(SUBMIT, { id: plan.id }, employee.viewer), 'submitPerformancePlan');
    expect(ok(await h.gql(APPROVE, { id: plan.id }, org.supervisor.viewer), 'approvePerformancePlan')).toMatchObject({ status: 'APPROVED' });
    expect((await h.gql(APPROVE, { id: plan.id }, org.supervisor.viewer)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const actions = await h.service.prisma.auditLog.findMany({ where: { entityId: plan.id }, orderBy: { occurredAt: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['plan.created', 'plan.submitted', 'plan.returned', 'plan.reopened', 'plan.submitted', 'plan.approved']);
    expect(actions[2]).toMatchObject({ before: expect.objectContaining({ status: 'SUBMITTED' }), after: expect.objectContaining({ status: 'RETURNED' }) });
  });

  it("shows a plan to the employee, the supervisor and the agency's HR, and to nobody else", async () => {
    const plan = await h.service.prisma.performancePlan.findFirstOrThrow({ where: { employeeId: org.staff[0].employeeId } });
    for (const reader of [org.staff[0].viewer, org.supervisor.viewer, org.hrA]) expect((await h.gql(PLAN, { id: plan.id }, reader)).errors).toBeUndefined();
    for (const stranger of [org.staff[1].viewer, org.otherSupervisor.viewer]) {
      expect((await h.gql(PLAN, { id: plan.id }, stranger)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // Another agency's id answers exactly like an unknown one: no existence oracle.
    const unknown = (await h.gql(PLAN, { id: '00000000-0000-4000-8000-000000000000' }, org.hrB)).errors?.[0];
    for (const stranger of [org.hrB, org.employeeB.viewer]) {
      const answer = (await h.gql(PLAN, { id: plan.id }, stranger)).errors?.[0];
      expect(answer?.extensions?.code).toBe('NOT_FOUND');
      expect(answer?.message.replace(plan.id, '<id>')).toBe(unknown?.message.replace('00000000-0000-4000-8000-000000000000', '<id>'));
    }
    expect((await h.gql(PLAN, { id: plan.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("cascades an RHK from the direct supervisor's and shows the link both ways", async () => {
    const supervisorPlan = await approvedPlan(h, org.supervisor, org.head.viewer, year.id, ['Meningkatkan kualitas layanan kepegawaian']);
    const parent = supervisorPlan.workResults[0]!;
    const employee = org.staff[1];
    const plan = ok<{ id: string }>(await h.gql(CREATE_PLAN, { input: { periodId: year.id } }, employee.viewer), 'createPerformancePlan');
    const child = ok<{ id: string }>(
      await h.gql(
        ADD_WORK_RESULT,
        { input: { planId: plan.id, kind: 'MAIN', title: 'Memproses layanan mutasi', cascadedFromWorkResultId: parent.id } },
        employee.viewer,
      ),
      'addWorkResult',
    );
    const own = ok<{ workResults: any[] }>(await h.gql(PLAN, { id: plan.id }, employee.viewer), 'performancePlan');
    expect(own.workResults[0].cascadedFrom).toEqual({ id: parent.id, title: parent.title });
    // The employee sees the supervisor's RHK and its targets, never its realizations or evidence.
    const SOURCE = `query ($id: ID!) { performancePlan(id: $id) { workResults { cascadedFrom { title indicators { target unit } } } } }`;
    const source = ok<{ workResults: any[] }>(await h.gql(SOURCE, { id: plan.id }, employee.viewer), 'performancePlan');
    expect(source.workResults[0].cascadedFrom).toEqual({ title: parent.title, indicators: [{ target: 12, unit: expect.any(String) }] });
    const LEAK = `query ($id: ID!) { performancePlan(id: $id) { workResults { cascadedFrom { indicators { realizations { value evidenceUrl } } } } } }`;
    expect((await h.gql(LEAK, { id: plan.id }, employee.viewer)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const above = ok<{ workResults: any[] }>(await h.gql(PLAN, { id: supervisorPlan.planId }, org.supervisor.viewer), 'performancePlan');
    expect(above.workResults[0].cascadedTo).toEqual([{ id: child.id, title: 'Memproses layanan mutasi' }]);
    // Only the direct supervisor's RHK can be cascaded from: not a colleague's.
    const colleague = await h.service.prisma.workResult.findFirstOrThrow({ where: { plan: { employeeId: org.staff[0].employeeId } } });
    const wrong = await h.gql(
      ADD_WORK_RESULT,
      { input: { planId: plan.id, kind: 'MAIN', title: 'Salah induk', cascadedFromWorkResultId: colleague.id } },
      employee.viewer,
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cascadedFromWorkResultId' });
  });

  it('accepts realizations with evidence on an approved plan only, and marks those after the deadline late', async () => {
    const employee = org.staff[2];
    const draft = ok<{ id: string }>(await h.gql(CREATE_PLAN, { input: { periodId: year.id } }, employee.viewer), 'createPerformancePlan');
    const wr = ok<{ id: string }>(
      await h.gql(ADD_WORK_RESULT, { input: { planId: draft.id, kind: 'MAIN', title: 'Verifikasi berkas' } }, employee.viewer),
      'addWorkResult',
    );
    const ind = ok<{ id: string }>(
      await h.gql(ADD_INDICATOR, { input: { workResultId: wr.id, aspect: 'QUANTITY', description: 'Berkas', target: 100, unit: 'berkas' } }, employee.viewer),
      'addIndicator',
    );
    const quarter1 = year.subPeriods[0]!.id;
    expect((await report(h, employee, ind.id, quarter1, 20)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    ok(await h.gql(SUBMIT, { id: draft.id }, employee.viewer), 'submitPerformancePlan');
    ok(await h.gql(APPROVE, { id: draft.id }, org.supervisor.viewer), 'approvePerformancePlan');
    expect(ok(await report(h, employee, ind.id, quarter1, 20), 'reportRealization')).toMatchObject({ value: 20, late: false, period: { index: 1 } });
    const badLink = await h.gql(
      `mutation ($input: ReportRealizationInput!) { reportRealization(input: $input) { id } }`,
      { input: { indicatorId: ind.id, periodId: quarter1, value: 1, evidenceUrl: 'javascript:alert(1)' } },
      employee.viewer,
    );
    expect(badLink.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidenceUrl' });
    expect((await report(h, org.supervisor, ind.id, quarter1, 99)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await report(h, employee, ind.id, year.id, 5)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.periodId' });

    // A year long past: every deadline is over, so the report is marked late.
    const past = ok<typeof year>(
      await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2024, cadence: 'MONTHLY' } }, org.hrA),
      'createPerformancePeriod',
    );
    expect(past.subPeriods).toHaveLength(12);
    const old = await approvedPlan(h, employee, org.supervisor.viewer, past.id);
    expect(ok(await report(h, employee, old.workResults[0]!.indicatorId, past.subPeriods[0]!.id, 1), 'reportRealization')).toMatchObject({ late: true });
    const audit = await h.service.prisma.auditLog.findFirst({ where: { action: 'realization.reported', agencyId: org.agencyA } });
    expect(audit?.after).toMatchObject({ evidenceUrl: 'https://dokumen.example.go.id/bukti/1.pdf' });
  });

  it('records the self-assessment on an approved plan', async () => {
    const plan = await h.service.prisma.performancePlan.findFirstOrThrow({ where: { employeeId: org.staff[2].employeeId, periodId: year.id } });
    const SELF = `mutation ($input: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $input) { selfAssessment { workResultRating behaviourRating note } } }`;
    const input = { planId: plan.id, workResultRating: 'ABOVE', behaviourRating: 'MEETS', note: 'Target triwulan pertama tercapai.' };
    expect((await h.gql(SELF, { input }, org.supervisor.viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ok(await h.gql(SELF, { input }, org.staff[2].viewer), 'submitSelfAssessment')).toEqual({
      selfAssessment: { workResultRating: 'ABOVE', behaviourRating: 'MEETS', note: 'Target triwulan pertama tercapai.' },
    });
  });

  it('finalizes a periodic assessment of a quarter against its share of the target', async () => {
    const plan = await h.service.prisma.performancePlan.findFirstOrThrow({ where: { employeeId: org.staff[2].employeeId, periodId: year.id } });
    const quarter1 = year.subPeriods[0]!.id;
    // 20 of an annual 100 in the first quarter: 80% of its share (25), so BELOW is proposed.
    const input = finalizeInput(plan.id, quarter1, { workResultRating: 'BELOW', feedback: 'Triwulan pertama di bawah target verifikasi.' });
    const result = ok(await h.gql(FINALIZE, { input }, org.supervisor.viewer), 'finalizeAssessment');
    expect(result).toMatchObject({ kind: 'PERIODIC', proposedWorkResultRating: 'BELOW', predikat: 'BUTUH_PERBAIKAN', curveWarning: false });
    const indicator = await h.service.prisma.indicator.findFirstOrThrow({ where: { workResult: { planId: plan.id } } });
    expect((await report(h, org.staff[2], indicator.id, quarter1, 30)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(ok(await report(h, org.staff[2], indicator.id, year.subPeriods[1]!.id, 30), 'reportRealization')).toMatchObject({ value: 30 });
    const event = await h.service.prisma.outboxEvent.findFirstOrThrow({ where: { key: org.staff[2].employeeId, type: 'performance.assessment.finalized' } });
    expect(event.envelope).toMatchObject({ payload: { kind: 'PERIODIC', periodId: quarter1, predikat: 'BUTUH_PERBAIKAN' } });
  });

  it('refuses every change in a closed period with CONFLICT', async () => {
    const closedYear = ok<typeof year>(await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2032 } }, org.hrA), 'createPerformancePeriod');
    const plan = ok<{ id: string }>(await h.gql(CREATE_PLAN, { input: { periodId: closedYear.id } }, org.staff[0].viewer), 'createPerformancePlan');
    const CLOSE = `mutation ($id: ID!) { closePerformancePeriod(id: $id) { id status } }`;
    expect((await h.gql(CLOSE, { id: closedYear.id }, org.supervisor.viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ok(await h.gql(CLOSE, { id: closedYear.id }, org.hrA), 'closePerformancePeriod')).toMatchObject({ status: 'CLOSED' });
    expect((await h.gql(CLOSE, { id: closedYear.id }, org.hrA)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const attempts = [
      h.gql(ADD_WORK_RESULT, { input: { planId: plan.id, kind: 'MAIN', title: 'Terlambat' } }, org.staff[0].viewer),
      h.gql(SUBMIT, { id: plan.id }, org.staff[0].viewer),
      h.gql(CREATE_PLAN, { input: { periodId: closedYear.id } }, org.staff[1].viewer),
      h.gql(CLOSE, { id: closedYear.subPeriods[0]!.id }, org.hrA),
    ];
    for (const attempt of await Promise.all(attempts)) expect(attempt.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
