import { type PerformanceHarness, startWithOrganisation } from './performance-harness';
import { ADD_INDICATOR, ADD_WORK_RESULT, approvedPlan, CREATE_PERIOD, CREATE_PLAN, ok, PLAN, report, RETURN, SUBMIT } from './support/operations';
import type { demoOrganisation } from './support/organisation';

const UPDATE_WORK_RESULT = `mutation ($input: UpdateWorkResultInput!) { updateWorkResult(input: $input) { id kind title } }`;
const REMOVE_WORK_RESULT = `mutation ($id: ID!) { removeWorkResult(workResultId: $id) { id workResults { id title } } }`;
const UPDATE_INDICATOR = `mutation ($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { id description target unit aspect lowerIsBetter } }`;
const REMOVE_INDICATOR = `mutation ($id: ID!) { removeIndicator(indicatorId: $id) { id indicators { id description } } }`;
const REVISE = `mutation ($input: RevisePerformancePlanInput!) { revisePerformancePlan(input: $input) { id status } }`;

const extensions = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;

// A draft (or returned) SKP's RHKs and indicators are edited and removed, not only added: by the
// employee only, only in a draft or a returned plan (which the change reopens), validated as when added, audited, and never leaving a subordinate's cascade dangling.
describe('editing and removing the RHKs and indicators of a draft SKP', () => {
  let h: PerformanceHarness;
  let org: ReturnType<typeof demoOrganisation>;
  let year: { id: string; subPeriods: { id: string }[] };

  beforeAll(async () => {
    ({ harness: h, org } = await startWithOrganisation('editing'));
    year = ok(await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2031 } }, org.hrA), 'createPerformancePeriod');
  });
  afterAll(() => h?.stop());

  async function draft(employee = org.staff[0]) {
    const plan = ok<{ id: string }>(await h.gql(CREATE_PLAN, { input: { periodId: year.id } }, employee.viewer), 'createPerformancePlan');
    const add = async (title: string) => {
      const workResult = ok<{ id: string }>(
        await h.gql(ADD_WORK_RESULT, { input: { planId: plan.id, kind: 'MAIN', title } }, employee.viewer),
        'addWorkResult',
      );
      const indicators = [];
      for (const description of [`Jumlah ${title}`, `Ketepatan ${title}`]) {
        const input = { workResultId: workResult.id, aspect: 'QUANTITY', description, target: 12, unit: 'dokumen' };
        indicators.push(ok<{ id: string }>(await h.gql(ADD_INDICATOR, { input }, employee.viewer), 'addIndicator').id);
      }
      return { id: workResult.id, indicators };
    };
    return { planId: plan.id, first: await add('Menyusun analisis jabatan'), second: await add('Menyusun peta jabatan') };
  }

  it('lets the employee edit an RHK and an indicator of a draft, validated and audited', async () => {
    const employee = org.staff[0];
    const { planId, first } = await draft();
    const edited = await h.gql(
      UPDATE_WORK_RESULT,
      { input: { workResultId: first.id, kind: 'ADDITIONAL', title: '  Menyusun evaluasi jabatan ' } },
      employee.viewer,
    );
    expect(ok(edited, 'updateWorkResult')).toEqual({ id: first.id, kind: 'ADDITIONAL', title: 'Menyusun evaluasi jabatan' });
    expect(extensions(await h.gql(UPDATE_WORK_RESULT, { input: { workResultId: first.id, kind: 'MAIN', title: 'x' } }, employee.viewer))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
    const indicator = { indicatorId: first.indicators[0], aspect: 'TIME', description: 'Waktu penyelesaian', target: 3, unit: 'bulan', lowerIsBetter: true };
    expect(ok(await h.gql(UPDATE_INDICATOR, { input: indicator }, employee.viewer), 'updateIndicator')).toEqual({
      id: first.indicators[0],
      description: 'Waktu penyelesaian',
      target: 3,
      unit: 'bulan',
      aspect: 'TIME',
      lowerIsBetter: true,
    });
    expect(extensions(await h.gql(UPDATE_INDICATOR, { input: { ...indicator, target: 0 } }, employee.viewer))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.target',
    });
    expect(extensions(await h.gql(UPDATE_INDICATOR, { input: { ...indicator, aspect: 'QUALITY' } }, employee.viewer))).toMatchObject({
      field: 'input.lowerIsBetter',
    });
    const plan = ok<{ workResults: { id: string; title: string; indicators: { target: number }[] }[] }>(
      await h.gql(PLAN, { id: planId }, employee.viewer),
      'performancePlan',
    );
    expect(plan.workResults[0]).toMatchObject({ id: first.id, title: 'Menyusun evaluasi jabatan', indicators: [{ target: 3 }, { target: 12 }] });
    const audit = await h.service.prisma.auditLog.findMany({ where: { entityId: { in: [first.id, first.indicators[0]!] }, action: { endsWith: '.updated' } } });
    expect(audit.map((row) => row.action).sort()).toEqual(['indicator.updated', 'work-result.updated']);
    expect(audit.find((row) => row.action === 'work-result.updated')).toMatchObject({
      before: expect.objectContaining({ title: 'Menyusun analisis jabatan', kind: 'MAIN' }),
      after: expect.objectContaining({ title: 'Menyusun evaluasi jabatan', kind: 'ADDITIONAL' }),
    });
  });

  it('removes an indicator and an RHK with its indicators, closing the positions, audited', async () => {
    const employee = org.staff[1];
    const { planId, first, second } = await draft(employee);
    const afterIndicator = ok(await h.gql(REMOVE_INDICATOR, { id: first.indicators[0] }, employee.viewer), 'removeIndicator');
    expect(afterIndicator).toEqual({ id: first.id, indicators: [{ id: first.indicators[1], description: 'Ketepatan Menyusun analisis jabatan' }] });
    const afterWorkResult = ok(await h.gql(REMOVE_WORK_RESULT, { id: first.id }, employee.viewer), 'removeWorkResult');
    expect(afterWorkResult).toEqual({ id: planId, workResults: [{ id: second.id, title: 'Menyusun peta jabatan' }] });
    expect(await h.service.prisma.indicator.count({ where: { workResultId: first.id } })).toBe(0);
    expect((await h.service.prisma.workResult.findUniqueOrThrow({ where: { id: second.id } })).position).toBe(1);
    const removed = await h.service.prisma.auditLog.findFirstOrThrow({ where: { action: 'work-result.removed', entityId: first.id } });
    expect(removed).toMatchObject({ after: null, before: expect.objectContaining({ title: 'Menyusun analisis jabatan', indicators: [expect.anything()] }) });
    expect(await h.service.prisma.auditLog.count({ where: { action: 'indicator.removed', entityId: first.indicators[0]! } })).toBe(1);
    // Removed ids are gone like unknown ones.
    expect(extensions(await h.gql(REMOVE_WORK_RESULT, { id: first.id }, employee.viewer))).toMatchObject({ code: 'NOT_FOUND', field: 'workResultId' });
  });

  it('lets nobody but the employee edit, answers another agency like an unknown id, refuses a submitted plan and reopens a returned one', async () => {
    const employee = org.staff[2];
    const { planId, first } = await draft(employee);
    const edit = { input: { workResultId: first.id, kind: 'MAIN', title: 'Judul yang diubah orang lain' } };
    for (const colleague of [org.supervisor.viewer, org.staff[0].viewer, org.hrA]) {
      expect(extensions(await h.gql(UPDATE_WORK_RESULT, edit, colleague))?.['code']).toBe('FORBIDDEN');
      expect(extensions(await h.gql(REMOVE_INDICATOR, { id: first.indicators[0] }, colleague))?.['code']).toBe('FORBIDDEN');
    }
    const unknown = '00000000-0000-4000-8000-000000000123';
    const without = (value: Record<string, unknown> | undefined) => ({ ...value, id: undefined });
    for (const [query, variables, unknownVariables] of [
      [UPDATE_WORK_RESULT, edit, { input: { ...edit.input, workResultId: unknown } }],
      [REMOVE_WORK_RESULT, { id: first.id }, { id: unknown }],
      [UPDATE_INDICATOR, { input: { indicatorId: first.indicators[0], aspect: 'QUANTITY', description: 'Asing', target: 1, unit: 'x' } }, null],
      [REMOVE_INDICATOR, { id: first.indicators[0] }, { id: unknown }],
    ] as const) {
      const foreign = extensions(await h.gql(query, variables, org.employeeB.viewer));
      expect(foreign?.['code']).toBe('NOT_FOUND');
      if (unknownVariables) expect(without(foreign)).toEqual(without(extensions(await h.gql(query, unknownVariables, org.employeeB.viewer))));
    }

    ok(await h.gql(SUBMIT, { id: planId }, employee.viewer), 'submitPerformancePlan');
    expect(extensions(await h.gql(UPDATE_WORK_RESULT, edit, employee.viewer))).toMatchObject({ code: 'CONFLICT', status: 'SUBMITTED' });
    expect(extensions(await h.gql(REMOVE_WORK_RESULT, { id: first.id }, employee.viewer))).toMatchObject({ code: 'CONFLICT', status: 'SUBMITTED' });
    expect(await h.service.prisma.workResult.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ title: 'Menyusun analisis jabatan' });

    // A returned plan is edited as it is: the change reopens it as a draft, to be submitted again.
    ok(await h.gql(RETURN, { id: planId, note: 'Target perlu ditinjau ulang' }, org.supervisor.viewer), 'returnPerformancePlan');
    const removed = ok<{ indicators: { id: string }[] }>(await h.gql(REMOVE_INDICATOR, { id: first.indicators[0] }, employee.viewer), 'removeIndicator');
    expect(removed.indicators.map((i) => i.id)).toEqual([first.indicators[1]]);
    expect(ok(await h.gql(PLAN, { id: planId }, employee.viewer), 'performancePlan')).toMatchObject({ status: 'DRAFT' });
    const reopened = await h.service.prisma.auditLog.findMany({ where: { entityId: planId, action: 'plan.reopened' } });
    expect(reopened.map((row) => [row.before, row.after])).toEqual([[{ status: 'RETURNED' }, { status: 'DRAFT', by: 'edit' }]]);
  });

  it("refuses to remove an RHK a subordinate's RHK cascades from, and indicators with realizations", async () => {
    const supervisorPlan = await approvedPlan(h, org.supervisor, org.head.viewer, year.id, ['Meningkatkan kualitas layanan']);
    const parent = supervisorPlan.workResults[0]!;
    const subordinate = org.staff[0];
    const [ownPlan] = await h.service.prisma.performancePlan.findMany({ where: { employeeId: subordinate.employeeId, periodId: year.id } });
    const cascaded = await h.gql(
      ADD_WORK_RESULT,
      { input: { planId: ownPlan!.id, kind: 'MAIN', title: 'Mendukung kualitas layanan', cascadedFromWorkResultId: parent.id } },
      subordinate.viewer,
    );
    ok(cascaded, 'addWorkResult');
    ok(
      await h.gql(REVISE, { input: { planId: supervisorPlan.planId, reason: 'Penugasan baru dari kepala unit' } }, org.supervisor.viewer),
      'revisePerformancePlan',
    );
    expect(extensions(await h.gql(REMOVE_WORK_RESULT, { id: parent.id }, org.supervisor.viewer))).toMatchObject({
      code: 'CONFLICT',
      reason: 'CASCADED_TO',
      field: 'workResultId',
      cascadedCount: 1,
    });
    expect(await h.service.prisma.workResult.count({ where: { id: parent.id } })).toBe(1);

    // A revised plan keeps what was reported: its indicator with a realization stays.
    const reported = await approvedPlan(h, org.otherSupervisor, org.head.viewer, year.id, ['Menata arsip unit']);
    ok(await report(h, org.otherSupervisor, reported.workResults[0]!.indicatorId, year.subPeriods[0]!.id, 3), 'reportRealization');
    ok(
      await h.gql(REVISE, { input: { planId: reported.planId, reason: 'Penugasan baru dari kepala unit' } }, org.otherSupervisor.viewer),
      'revisePerformancePlan',
    );
    expect(extensions(await h.gql(REMOVE_INDICATOR, { id: reported.workResults[0]!.indicatorId }, org.otherSupervisor.viewer))).toMatchObject({
      code: 'CONFLICT',
      reason: 'HAS_REALIZATIONS',
    });
    expect(extensions(await h.gql(REMOVE_WORK_RESULT, { id: reported.workResults[0]!.id }, org.otherSupervisor.viewer))).toMatchObject({
      code: 'CONFLICT',
      reason: 'HAS_REALIZATIONS',
    });
  });
});
