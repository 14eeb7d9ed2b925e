import { type PerformanceHarness, startWithOrganisation } from './performance-harness';
import { ADD_INDICATOR, ADD_WORK_RESULT, APPROVE, approvedPlan, CREATE_PERIOD, FINALIZE, finalizeInput, ok, report, SUBMIT } from './support/operations';
import type { demoOrganisation } from './support/organisation';

const REVISE = `mutation ($input: RevisePerformancePlanInput!) { revisePerformancePlan(input: $input) { id status approvedAt submittedAt } }`;
const REVISIONS = `query ($id: ID!) { performancePlan(id: $id) { status allowedActions
  revisions { sequence reason revisedAs revisedAt revisedBy { id }
    snapshot { approvedAt approvedBy { id } workResults { title kind indicators { description target unit } } } } } }`;

interface RevisionView {
  sequence: number;
  reason: string;
  revisedAs: string;
  revisedAt: string;
  revisedBy: { id: string };
  snapshot: { approvedAt: string; approvedBy: { id: string } | null; workResults: { title: string; indicators: { target: number }[] }[] };
}

const code = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;

// Perubahan SKP on a real PostgreSQL: an approved plan is reopened only through a recorded revision.
describe('revising an approved SKP', () => {
  let h: PerformanceHarness;
  let org: ReturnType<typeof demoOrganisation>;
  let year: { id: string; subPeriods: { id: string }[] };

  const revise = (planId: string, reason: string, viewer = org.staff[0].viewer) => h.gql(REVISE, { input: { planId, reason } }, viewer);
  const view = async (planId: string, viewer = org.staff[0].viewer) =>
    ok<{ status: string; allowedActions: string[]; revisions: RevisionView[] }>(await h.gql(REVISIONS, { id: planId }, viewer), 'performancePlan');

  beforeAll(async () => {
    ({ harness: h, org } = await startWithOrganisation('revision'));
    year = ok(await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2031 } }, org.hrA), 'createPerformancePeriod');
  });
  afterAll(() => h?.stop());

  it('reopens the plan as a draft for the employee or the supervisor, keeps what was agreed, and needs a new approval', async () => {
    const employee = org.staff[0];
    const plan = await approvedPlan(h, employee, org.supervisor.viewer, year.id, ['Menyusun analisis jabatan']);
    const approved = await h.service.prisma.performancePlan.findUniqueOrThrow({ where: { id: plan.planId } });
    expect(await view(plan.planId)).toMatchObject({ status: 'APPROVED', allowedActions: ['REVISE'], revisions: [] });
    expect((await view(plan.planId, org.supervisor.viewer)).allowedActions).toEqual(['REVISE']);

    for (const stranger of [org.staff[1].viewer, org.otherSupervisor.viewer, org.head.viewer, org.hrA, org.hrB, org.employeeB.viewer]) {
      expect(code(await revise(plan.planId, 'Ada penugasan baru di bidang ini', stranger))?.code).toBe('FORBIDDEN');
    }
    expect(code(await revise(plan.planId, 'ubah'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });

    const reason = 'Mendapat tugas tambahan penyusunan peta jabatan';
    expect(ok(await revise(plan.planId, `  ${reason} `), 'revisePerformancePlan')).toMatchObject({ status: 'DRAFT', approvedAt: null, submittedAt: null });
    const first = (await view(plan.planId)).revisions;
    expect(first).toEqual([
      {
        sequence: 1,
        reason,
        revisedAs: 'EMPLOYEE',
        revisedAt: expect.any(String),
        revisedBy: { id: employee.employeeId },
        snapshot: {
          approvedAt: approved.approvedAt!.toISOString(),
          approvedBy: { id: org.supervisor.employeeId },
          workResults: [
            {
              title: 'Menyusun analisis jabatan',
              kind: 'MAIN',
              indicators: [{ description: 'Jumlah Menyusun analisis jabatan', target: 12, unit: 'dokumen' }],
            },
          ],
        },
      },
    ]);
    // A draft again: nothing is reported against it and it is not revised twice.
    expect(code(await report(h, employee, plan.workResults[0]!.indicatorId, year.subPeriods[0]!.id, 3))?.code).toBe('CONFLICT');
    expect(code(await revise(plan.planId, reason))?.code).toBe('CONFLICT');

    // The employee edits the draft, then it goes through submit and approve again.
    const added = ok<{ id: string }>(
      await h.gql(ADD_WORK_RESULT, { input: { planId: plan.planId, kind: 'ADDITIONAL', title: 'Menyusun peta jabatan' } }, employee.viewer),
      'addWorkResult',
    );
    const indicator = { workResultId: added.id, aspect: 'QUANTITY', description: 'Peta jabatan', target: 1, unit: 'dokumen' };
    ok(await h.gql(ADD_INDICATOR, { input: indicator }, employee.viewer), 'addIndicator');
    ok(await h.gql(SUBMIT, { id: plan.planId }, employee.viewer), 'submitPerformancePlan');
    expect(ok(await h.gql(APPROVE, { id: plan.planId }, org.supervisor.viewer), 'approvePerformancePlan')).toMatchObject({ status: 'APPROVED' });

    // The supervisor revises too; the second snapshot holds the plan as approved the second time.
    ok(await revise(plan.planId, 'Reorganisasi bidang: target dokumen disesuaikan', org.supervisor.viewer), 'revisePerformancePlan');
    const both = (await view(plan.planId, org.supervisor.viewer)).revisions;
    expect(both.map((r) => [r.sequence, r.revisedAs, r.revisedBy.id, r.snapshot.workResults.map((w) => w.title)])).toEqual([
      [1, 'EMPLOYEE', employee.employeeId, ['Menyusun analisis jabatan']],
      [2, 'SUPERVISOR', org.supervisor.employeeId, ['Menyusun analisis jabatan', 'Menyusun peta jabatan']],
    ]);
    // Who sees the plan sees its revisions: the agency's HR.
    expect((await view(plan.planId, org.hrA)).revisions).toHaveLength(2);

    const audit = await h.service.prisma.auditLog.findMany({ where: { entityId: plan.planId }, orderBy: { occurredAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'plan.created',
      'plan.submitted',
      'plan.approved',
      'plan.revised',
      'plan.submitted',
      'plan.approved',
      'plan.revised',
    ]);
    expect(audit[3]).toMatchObject({
      actorUserId: employee.viewer.userId,
      before: expect.objectContaining({ status: 'APPROVED' }),
      after: expect.objectContaining({ status: 'DRAFT', revision: expect.objectContaining({ sequence: 1, reason }) }),
    });
  });

  it('refuses a revision once the annual assessment is final', async () => {
    const plan = await approvedPlan(h, org.staff[1], org.supervisor.viewer, year.id);
    const input = finalizeInput(plan.planId, year.id, { workResultRating: 'BELOW', feedback: 'Tidak ada realisasi sepanjang tahun.' });
    ok(await h.gql(FINALIZE, { input }, org.supervisor.viewer), 'finalizeAssessment');
    expect((await view(plan.planId, org.staff[1].viewer)).allowedActions).toEqual([]);
    for (const viewer of [org.staff[1].viewer, org.supervisor.viewer]) {
      expect(code(await revise(plan.planId, 'Penugasan baru setelah penilaian', viewer))?.code).toBe('CONFLICT');
    }
    expect(await h.service.prisma.planRevision.count({ where: { planId: plan.planId } })).toBe(0);
  });

  it('refuses a revision in a closed year', async () => {
    const closed = ok<{ id: string }>(await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2033 } }, org.hrA), 'createPerformancePeriod');
    const plan = await approvedPlan(h, org.staff[2], org.supervisor.viewer, closed.id);
    ok(await h.gql(`mutation ($id: ID!) { closePerformancePeriod(id: $id) { id } }`, { id: closed.id }, org.hrA), 'closePerformancePeriod');
    expect(code(await revise(plan.planId, 'Terlambat mengubah rencana kerja', org.staff[2].viewer))?.code).toBe('CONFLICT');
    expect(await view(plan.planId, org.staff[2].viewer)).toMatchObject({ status: 'APPROVED', allowedActions: [], revisions: [] });
  });
});
