import type { IncomingMessage } from '@kinerja/messaging';

import { assessmentFinalized } from '../src/domain/events';
import { type PerformanceHarness, startWithOrganisation } from './performance-harness';
import { ALL_MEETS, approvedPlan, CREATE_PERIOD, FINALIZE, finalizeInput, ok, type PlanFixture, report, SET_UNIT_RATING } from './support/operations';
import { type demoOrganisation, person, registeredPayload } from './support/organisation';

const JUSTIFICATION = 'Seluruh staf melampaui target layanan tahun ini.'; // ≥ 30 characters
const code = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;

// Finalization is the transactional point: assessment, audit row and outbox event together or
// not at all; the supervisor's decision and any override are recorded; the curve warns or blocks.
describe('finalizing assessments', () => {
  let h: PerformanceHarness;
  let org: ReturnType<typeof demoOrganisation>;
  let yearA: { id: string; subPeriods: { id: string }[] };
  const plans = new Map<string, PlanFixture>();
  const published: IncomingMessage[] = [];

  beforeAll(async () => {
    ({ harness: h, org } = await startWithOrganisation('finalize'));
    await h.transport.subscribe({
      groupId: 'test-observer',
      topics: ['performance.assessment.finalized', 'performance.reward.granted'],
      handle: async (m) => void published.push(m),
    });
    yearA = ok(await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2031 } }, org.hrA), 'createPerformancePeriod');
    const q1 = yearA.subPeriods[0]!.id;
    for (const employee of org.staff) {
      const titles = employee === org.staff[2] ? ['Menyusun laporan kinerja', 'Mengelola arsip kepegawaian'] : undefined;
      const plan = await approvedPlan(h, employee, org.supervisor.viewer, yearA.id, titles);
      ok(await report(h, employee, plan.workResults[0]!.indicatorId, q1, 12), 'reportRealization'); // 100% of the target
      plans.set(employee.employeeId, plan);
    }
    plans.set(org.supervisor.employeeId, await approvedPlan(h, org.supervisor, org.head.viewer, yearA.id));
    ok(await report(h, org.supervisor, plans.get(org.supervisor.employeeId)!.workResults[0]!.indicatorId, q1, 12), 'reportRealization');
    plans.set(org.otherSupervisor.employeeId, await approvedPlan(h, org.otherSupervisor, org.head.viewer, yearA.id));
  });
  afterAll(() => h?.stop());

  const planOf = (employeeId: string) => plans.get(employeeId)!;

  it('lets HR, the agency head or the head of the parent unit set a unit rating, never its own head or members', async () => {
    const input = { orgUnitId: org.unitA, periodId: yearA.id, rating: 'BAIK' };
    expect(code(await h.gql(SET_UNIT_RATING, { input }, org.staff[0].viewer))?.code).toBe('FORBIDDEN');
    expect(code(await h.gql(SET_UNIT_RATING, { input }, org.hrB))?.code).toBe('FORBIDDEN');
    // head heads unit A: not even they rate it (their own work-result rating follows from it).
    expect(code(await h.gql(SET_UNIT_RATING, { input }, org.head.viewer))?.code).toBe('FORBIDDEN');
    expect(ok(await h.gql(SET_UNIT_RATING, { input }, org.hrA), 'setUnitRating')).toMatchObject({ rating: 'BAIK' });
    // otherSupervisor heads unit A2 (their supervisor, head, sits in unit A: the parent unit's head).
    const a2 = { orgUnitId: org.unitA2, periodId: yearA.id, rating: 'ISTIMEWA' };
    expect(code(await h.gql(SET_UNIT_RATING, { input: a2 }, org.otherSupervisor.viewer))?.code).toBe('FORBIDDEN');
    expect(ok(await h.gql(SET_UNIT_RATING, { input: a2 }, org.head.viewer), 'setUnitRating')).toMatchObject({ rating: 'ISTIMEWA' });
    expect(code(await h.gql(SET_UNIT_RATING, { input: { ...a2, orgUnitId: org.unitA } }, org.otherSupervisor.viewer))?.code).toBe('FORBIDDEN');
    // The supervisor inside unit A supervises nobody outside it: no parent-unit head of anything.
    expect(code(await h.gql(SET_UNIT_RATING, { input: a2 }, org.supervisor.viewer))?.code).toBe('FORBIDDEN');
  });

  it('lets only the direct supervisor finalize', async () => {
    const input = finalizeInput(planOf(org.staff[1].employeeId).planId, yearA.id);
    for (const stranger of [org.staff[1].viewer, org.head.viewer, org.otherSupervisor.viewer, org.hrA, org.supervisorB.viewer]) {
      expect(code(await h.gql(FINALIZE, { input }, stranger))?.code).toBe('FORBIDDEN');
    }
  });

  it('records an override of the proposal only with its reason', async () => {
    const input = finalizeInput(planOf(org.staff[0].employeeId).planId, yearA.id, { workResultRating: 'ABOVE' });
    expect(code(await h.gql(FINALIZE, { input }, org.supervisor.viewer))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.overrideReason' });
    const result = ok(
      await h.gql(FINALIZE, { input: { ...input, overrideReason: 'Menangani dua unit selama cuti rekan' } }, org.supervisor.viewer),
      'finalizeAssessment',
    );
    expect(result).toMatchObject({
      kind: 'ANNUAL',
      proposedWorkResultRating: 'MEETS',
      workResultRating: 'ABOVE',
      overrideReason: 'Menangani dua unit selama cuti rekan',
      predikat: 'BAIK',
      curveWarning: false,
    });
  });

  it('names each missing BerAKHLAK value', async () => {
    const input = finalizeInput(planOf(org.staff[1].employeeId).planId, yearA.id, { behaviourRatings: ALL_MEETS.slice(1) });
    expect(code(await h.gql(FINALIZE, { input }, org.supervisor.viewer))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.behaviourRatings.BERORIENTASI_PELAYANAN',
    });
  });

  it('writes the assessment, its audit row and the outbox event in one transaction, and the relay publishes it', async () => {
    ok(await h.gql(FINALIZE, { input: finalizeInput(planOf(org.staff[1].employeeId).planId, yearA.id) }, org.supervisor.viewer), 'finalizeAssessment');
    const supervisorPlan = planOf(org.supervisor.employeeId).planId;
    const assessment = ok<{ id: string; predikat: string }>(
      await h.gql(FINALIZE, { input: finalizeInput(supervisorPlan, yearA.id) }, org.head.viewer),
      'finalizeAssessment',
    );
    expect(assessment.predikat).toBe('BAIK');
    expect(await h.service.prisma.auditLog.count({ where: { action: 'assessment.finalized', entityId: assessment.id } })).toBe(1);
    const row = await h.service.prisma.outboxEvent.findFirstOrThrow({ where: { type: 'performance.assessment.finalized', key: org.supervisor.employeeId } });
    expect(row.envelope).toMatchObject({
      agencyId: org.agencyA,
      producer: 'performance',
      payload: { assessmentId: assessment.id, kind: 'ANNUAL', predikat: 'BAIK' },
    });
    for (let i = 0; i < 50 && !published.some((m) => m.headers['event-id'] === row.id); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(published.map((m) => m.headers['event-id'])).toContain(row.id);
  });

  it('asks for a justification of at least 30 characters when the curve would break (WARN), with the gaps in the event', async () => {
    // Unit A is BAIK with 5 people: at most 3 BAIK. Three are BAIK already; a fourth breaks the rule.
    const plan = planOf(org.staff[2].employeeId);
    const ratings = ALL_MEETS.map((r) => (r.value === 'LOYAL' ? { ...r, rating: 'BELOW', note: 'Sering absen rapat koordinasi' } : r));
    const input = finalizeInput(plan.planId, yearA.id, { behaviourRatings: ratings, overrideReason: 'RHK kedua terhambat anggaran daerah' });
    expect(code(await h.gql(FINALIZE, { input }, org.supervisor.viewer))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.justification' });
    const short = { ...input, justification: 'x'.repeat(29) };
    expect(code(await h.gql(FINALIZE, { input: short }, org.supervisor.viewer))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.justification' });
    const result = ok<any>(await h.gql(FINALIZE, { input: { ...input, justification: JUSTIFICATION } }, org.supervisor.viewer), 'finalizeAssessment');
    expect(result).toMatchObject({
      proposedWorkResultRating: 'BELOW',
      workResultRating: 'MEETS',
      predikat: 'BAIK',
      curveWarning: true,
      justification: JUSTIFICATION,
    });
    const second = plan.workResults[1]!;
    expect(result.behaviourGaps).toEqual(['LOYAL']);
    expect(result.workResultGaps).toEqual([{ workResultId: second.id, title: second.title }]);
    const row = await h.service.prisma.outboxEvent.findFirstOrThrow({ where: { key: org.staff[2].employeeId, type: 'performance.assessment.finalized' } });
    expect(row.envelope).toMatchObject({ payload: { behaviourGaps: ['LOYAL'], workResultGaps: [{ workResultId: second.id, title: second.title }] } });
  });

  it('keeps a finalized assessment read-only', async () => {
    const plan = planOf(org.staff[0].employeeId);
    expect(code(await h.gql(FINALIZE, { input: finalizeInput(plan.planId, yearA.id) }, org.supervisor.viewer))?.code).toBe('CONFLICT');
    expect(code(await report(h, org.staff[0], plan.workResults[0]!.indicatorId, yearA.subPeriods[1]!.id, 3))?.code).toBe('CONFLICT');
    const SELF = `mutation ($input: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $input) { id } }`;
    const self = { planId: plan.planId, workResultRating: 'ABOVE', behaviourRating: 'ABOVE', note: 'Terlambat menilai diri.' };
    expect(code(await h.gql(SELF, { input: self }, org.staff[0].viewer))?.code).toBe('CONFLICT');
    expect(await h.service.prisma.assessment.count({ where: { planId: plan.planId } })).toBe(1);
  });

  it("rates a unit head's work result from the unit's rating", async () => {
    // otherSupervisor reported nothing, which alone proposes BELOW; unit A2 is ISTIMEWA: ABOVE.
    const input = finalizeInput(planOf(org.otherSupervisor.employeeId).planId, yearA.id, { workResultRating: 'ABOVE', behaviourRating: 'ABOVE' });
    expect(ok(await h.gql(FINALIZE, { input }, org.head.viewer), 'finalizeAssessment')).toMatchObject({
      proposedWorkResultRating: 'ABOVE',
      predikat: 'SANGAT_BAIK',
    });
  });

  it('shows the unit distribution against its rule to HR and the unit head only', async () => {
    const DISTRIBUTION = `query ($r: [_Any!]!, $p: ID!) { _entities(representations: $r) { ... on OrgUnit { predikatDistribution(periodId: $p) {
      unitRating headcount assessed satisfied shares { predikat count percent } rules { description requiredCount actualCount satisfied reachable } } } } }`;
    const variables = { r: [{ __typename: 'OrgUnit', id: org.unitA }], p: yearA.id };
    const distribution = ok<any[]>(await h.gql(DISTRIBUTION, variables, org.hrA), '_entities')[0].predikatDistribution;
    expect(distribution).toMatchObject({ unitRating: 'BAIK', headcount: 5, assessed: 4, satisfied: false });
    expect(distribution.shares).toContainEqual({ predikat: 'BAIK', count: 4, percent: 80 });
    expect(distribution.rules).toEqual([
      { description: 'at most 70% BAIK', requiredCount: 3, actualCount: 4, satisfied: false, reachable: false },
      { description: 'at least one BUTUH_PERBAIKAN or KURANG', requiredCount: 1, actualCount: 0, satisfied: false, reachable: true },
    ]);
    expect((await h.gql(DISTRIBUTION, variables, org.head.viewer)).errors).toBeUndefined();
    for (const stranger of [org.staff[0].viewer, org.hrB]) expect(code(await h.gql(DISTRIBUTION, variables, stranger))?.code).toBe('FORBIDDEN');
  });

  it('refuses a finalization that breaks the curve when the agency blocks, and writes nothing', async () => {
    const SETTINGS = `mutation ($input: SetPerformanceSettingsInput!) { setPerformanceSettings(input: $input) { distributionEnforcement } }`;
    ok(await h.gql(SETTINGS, { input: { agencyId: org.agencyB, distributionEnforcement: 'BLOCK' } }, org.hrB), 'setPerformanceSettings');
    const yearB = ok<{ id: string; subPeriods: { id: string }[] }>(
      await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyB, year: 2031 } }, org.hrB),
      'createPerformancePeriod',
    );
    ok(await h.gql(SET_UNIT_RATING, { input: { orgUnitId: org.unitB, periodId: yearB.id, rating: 'BUTUH_PERBAIKAN' } }, org.hrB), 'setUnitRating');
    const plan = await approvedPlan(h, org.employeeB, org.supervisorB.viewer, yearB.id);
    ok(await report(h, org.employeeB, plan.workResults[0]!.indicatorId, yearB.subPeriods[0]!.id, 12), 'reportRealization');
    const outboxBefore = await h.service.prisma.outboxEvent.count();
    // A BUTUH_PERBAIKAN unit of 2 needs both BUTUH_PERBAIKAN: a BAIK is refused, justification or not.
    const blocked = await h.gql(FINALIZE, { input: finalizeInput(plan.planId, yearB.id, { justification: JUSTIFICATION }) }, org.supervisorB.viewer);
    expect(code(blocked)).toMatchObject({ code: 'CONFLICT', field: 'predikat' });
    expect(await h.service.prisma.assessment.count({ where: { planId: plan.planId } })).toBe(0);
    expect(await h.service.prisma.outboxEvent.count()).toBe(outboxBefore);
    const fitting = finalizeInput(plan.planId, yearB.id, { workResultRating: 'BELOW', overrideReason: 'Kualitas laporan jauh di bawah standar' });
    expect(ok(await h.gql(FINALIZE, { input: fitting }, org.supervisorB.viewer), 'finalizeAssessment')).toMatchObject({
      predikat: 'BUTUH_PERBAIKAN',
      curveWarning: false,
    });
  });

  it('writes nothing when the unit changed between the decision and the commit', async () => {
    const plan = await h.service.prisma.performancePlan.findFirstOrThrow({ where: { employeeId: org.staff[1].employeeId } });
    const [assessment] = await h.repositories.assessments.ofPlans([plan.id]);
    const stale = { ...assessment!, id: '00000000-0000-4000-8000-00000000abcd', periodId: yearA.subPeriods[3]!.id, kind: 'PERIODIC' as const };
    const counts = { before: await h.service.prisma.auditLog.count(), outbox: await h.service.prisma.outboxEvent.count() };
    await expect(
      h.repositories.assessments.finalize(
        stale,
        [],
        { orgUnitId: org.unitA, periodId: yearA.id, counts: { BAIK: 1 } },
        { actorUserId: null, requestId: null },
        [assessmentFinalized(stale)],
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await h.service.prisma.assessment.findUnique({ where: { id: stale.id } })).toBeNull();
    expect(await h.service.prisma.auditLog.count()).toBe(counts.before);
    expect(await h.service.prisma.outboxEvent.count()).toBe(counts.outbox);
  });

  it('grants rewards and issues sanctions that rest on the assessment, with their events', async () => {
    const [assessment] = await h.repositories.assessments.ofPlans([planOf(org.staff[1].employeeId).planId]);
    const GRANT = `mutation ($input: GrantRewardInput!) { grantReward(input: $input) { id kind assessmentId } }`;
    const SANCTION = `mutation ($input: IssueSanctionInput!) { issueSanction(input: $input) { id kind } }`;
    const bonus = { employeeId: org.staff[1].employeeId, kind: 'PERFORMANCE_BONUS_RECOMMENDATION', note: 'Predikat BAIK tahun 2031' };
    expect(code(await h.gql(GRANT, { input: bonus }, org.hrA))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assessmentId' });
    expect(code(await h.gql(GRANT, { input: { ...bonus, assessmentId: assessment!.id } }, org.supervisor.viewer))?.code).toBe('FORBIDDEN');
    const reward = ok<{ id: string }>(await h.gql(GRANT, { input: { ...bonus, assessmentId: assessment!.id } }, org.hrA), 'grantReward');
    expect(await h.service.prisma.outboxEvent.findFirst({ where: { type: 'performance.reward.granted', key: org.staff[1].employeeId } })).toMatchObject({
      envelope: expect.objectContaining({ payload: expect.objectContaining({ rewardId: reward.id, kind: 'PERFORMANCE_BONUS_RECOMMENDATION' }) }),
    });
    const referral = { employeeId: org.staff[1].employeeId, kind: 'DISCIPLINE_REFERRAL', assessmentId: assessment!.id, note: 'Rujukan ke tim disiplin' };
    expect(code(await h.gql(SANCTION, { input: referral }, org.hrA))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assessmentId' });
    const coaching = { employeeId: org.staff[2].employeeId, kind: 'COACHING', note: 'Pembinaan nilai Loyal (kehadiran rapat)' };
    ok(await h.gql(SANCTION, { input: coaching }, org.supervisor.viewer), 'issueSanction');
    expect(await h.service.prisma.outboxEvent.count({ where: { type: 'performance.sanction.issued' } })).toBe(1);
  });

  it('changes a unit rating after a finalization in the unit only through a recorded reopening with a reason', async () => {
    const input = { orgUnitId: org.unitA, periodId: yearA.id, rating: 'ISTIMEWA' };
    expect(code(await h.gql(SET_UNIT_RATING, { input }, org.hrA))).toMatchObject({ code: 'CONFLICT', field: 'input.reason' });
    expect(code(await h.gql(SET_UNIT_RATING, { input: { ...input, reason: 'salah' } }, org.hrA))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    // The same rating again is no change.
    ok(await h.gql(SET_UNIT_RATING, { input: { ...input, rating: 'BAIK' } }, org.hrA), 'setUnitRating');
    const reason = 'Hasil evaluasi SAKIP unit direvisi inspektorat';
    const record = ok<{ id: string }>(await h.gql(SET_UNIT_RATING, { input: { ...input, reason } }, org.hrA), 'setUnitRating');
    const audit = await h.service.prisma.auditLog.findFirstOrThrow({ where: { action: 'unit-rating.reopened', entityId: record.id } });
    expect(audit.before).toMatchObject({ rating: 'BAIK' });
    expect(audit.after).toMatchObject({ rating: 'ISTIMEWA', reopenReason: reason });
    // Unit A2's head was finalized against ISTIMEWA: the parent unit's head needs a reason too.
    const a2 = { orgUnitId: org.unitA2, periodId: yearA.id, rating: 'BAIK' };
    expect(code(await h.gql(SET_UNIT_RATING, { input: a2 }, org.head.viewer))).toMatchObject({ code: 'CONFLICT', field: 'input.reason' });
  });

  it('publishes as work-result gaps what the supervisor decided was BELOW, not the proposal', async () => {
    // A newcomer under the supervisor who reported nothing: the system proposes BELOW with the MAIN result as a gap.
    const newcomer = person(org.agencyA, org.unitA, org.supervisor, 'Staf Baru A');
    await h.publish('identity.employee.registered', registeredPayload(newcomer), org.agencyA);
    const plan = await approvedPlan(h, newcomer, org.supervisor.viewer, yearA.id);
    const ratings = ALL_MEETS.map((r) => (r.value === 'LOYAL' ? { ...r, rating: 'BELOW', note: 'Sering absen rapat koordinasi' } : r));
    const base = { workResultRating: 'ABOVE', behaviourRating: 'BELOW', behaviourRatings: ratings, justification: JUSTIFICATION };
    const input = finalizeInput(plan.planId, yearA.id, { ...base, overrideReason: 'Capaian tercatat di aplikasi lain, diverifikasi' });
    const named = { ...input, belowWorkResultIds: [plan.workResults[0]!.id] };
    expect(code(await h.gql(FINALIZE, { input: named }, org.supervisor.viewer))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.belowWorkResultIds' });
    const result = ok<any>(await h.gql(FINALIZE, { input }, org.supervisor.viewer), 'finalizeAssessment');
    expect(result).toMatchObject({
      proposedWorkResultRating: 'BELOW',
      workResultRating: 'ABOVE',
      predikat: 'KURANG',
      behaviourGaps: ['LOYAL'],
      workResultGaps: [],
    });
    const row = await h.service.prisma.outboxEvent.findFirstOrThrow({ where: { key: newcomer.employeeId, type: 'performance.assessment.finalized' } });
    expect(row.envelope).toMatchObject({ payload: { predikat: 'KURANG', behaviourGaps: ['LOYAL'], workResultGaps: [] } });
  });
});
