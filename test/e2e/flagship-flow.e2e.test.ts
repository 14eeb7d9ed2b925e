import { parseEnvelope } from '@kinerja/events';

import { login } from '../support/graphql-client';
import { kafkaClient, readTopic, topicEnds, type TopicRecord, waitFor } from '../support/kafka';
import {
  approvePlan,
  behaviourRatings,
  type FederatedStack,
  FINALIZE,
  ok,
  openPeriod,
  type PlanFixture,
  reportRealizations,
  startFederatedStack,
  submittedPlan,
  today,
} from './federated-stack';

const FINALIZED = 'performance.assessment.finalized';
const code = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;
const APPROVE = `mutation ($id: ID!) { approvePerformancePlan(planId: $id) { id status } }`;

const TRAINING = `query ($id: ID!, $year: Int!) { employee(id: $id) {
  id
  trainingAssignments { id reason sourceEventId status program { id code jpHours } gaps { kind coreValue workResultId } }
  learningHours(year: $year) { year completed required remaining }
} }`;

interface Assignment {
  id: string;
  reason: string;
  sourceEventId: string | null;
  status: string;
  program: { id: string; code: string; jpHours: number } | null;
  gaps: { kind: string; coreValue: string | null; workResultId: string | null }[];
}

/**
 * The flagship flow of the issue, end to end: identity, performance and development each on its
 * own PostgreSQL database and its own KafkaTransport on the real broker, the gateway in front. A
 * supervisor's poor rating with KOLABORATIF below assigns training by itself, exactly once, and the
 * completed training comes back to performance as development evidence.
 */
describe('the flagship flow over real Kafka, through the gateway', () => {
  const year = Number(today().slice(0, 4));
  let stack: FederatedStack;
  const token = { hr: '', supervisor: '', employee: '', otherUnitSupervisor: '', otherAgencyHr: '' };
  const who = { agencyId: '', supervisorId: '', employeeId: '' };
  let plan: PlanFixture;
  let periodId: string;
  let finalized: { id: string; record: TopicRecord; at: number };
  let kolaboratif: Assignment;

  const training = async (): Promise<{ trainingAssignments: Assignment[]; learningHours: { completed: number; required: number; remaining: number } }> =>
    ok(await stack.gql(TRAINING, { id: who.employeeId, year }, token.supervisor), 'employee');

  beforeAll(async () => {
    stack = await startFederatedStack('flagship');
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it("fills performance's and development's copy of the reporting line from identity's backfill events", async () => {
    const published = await stack.backfill();
    expect(published).toBeGreaterThan(100);
    expect(await stack.copiesComplete()).toBe(published);

    token.supervisor = await login(stack.url, { email: 'supervisor.muaratebo@kinerja.demo' });
    token.employee = await login(stack.url, { email: 'employee.muaratebo@kinerja.demo' });
    token.hr = await login(stack.url, { email: 'hr.muaratebo@kinerja.demo' });
    token.otherAgencyHr = await login(stack.url, { email: 'hr.siulak@kinerja.demo' });
    // A head of division of another unit (BKPSDM) of the same agency, logging in by NIP.
    const otherUnitSupervisor = await stack.identity.service.prisma.employee.findFirstOrThrow({
      where: {
        agency: { code: 'KAB-MUARATEBO' },
        orgUnit: { code: 'BKPSDM' },
        position: { reports: { some: {} }, supervisorPosition: { supervisorPositionId: { not: null } } },
      },
    });
    token.otherUnitSupervisor = await login(stack.url, { nip: otherUnitSupervisor.nip });
    const supervisor = ok(await stack.gql(`{ me { id agency { id code } subordinates { id } } }`, {}, token.supervisor), 'me');
    const employee = ok(await stack.gql(`{ me { id supervisor { id } } }`, {}, token.employee), 'me');
    expect(supervisor.agency.code).toBe('KAB-MUARATEBO');
    expect(employee.supervisor.id).toBe(supervisor.id);
    expect(supervisor.subordinates.map((s: { id: string }) => s.id)).toContain(employee.id);
    Object.assign(who, { agencyId: supervisor.agency.id, supervisorId: supervisor.id, employeeId: employee.id });

    // Both copies know the supervisor line, as identity announced it (no table of identity's was read).
    const performanceCopy = await stack.performance.service.prisma.employeeCopy.findUniqueOrThrow({ where: { employeeId: employee.id } });
    const developmentCopy = await stack.development.service.prisma.employeeCopy.findUniqueOrThrow({ where: { employeeId: employee.id } });
    expect(performanceCopy).toMatchObject({ agencyId: who.agencyId, supervisorEmployeeId: supervisor.id });
    expect(developmentCopy).toMatchObject({ agencyId: who.agencyId, supervisorEmployeeId: supervisor.id, employmentType: 'PNS' });
  });

  it('takes the SKP from HR opening the year, through a return with a note and a resubmission, to an approved plan with realizations, all through the gateway', async () => {
    const period = await openPeriod(stack, token.hr, who.agencyId, year);
    periodId = period.id;
    expect(period.subPeriods.map((p) => p.index)).toEqual([1, 2, 3, 4]);
    plan = await submittedPlan(stack, token.employee, period.id, 'Menyusun kurikulum muatan lokal');

    // Only the direct supervisor decides: a supervisor of another unit, and HR of another agency, are refused.
    for (const stranger of [token.otherUnitSupervisor, token.otherAgencyHr]) {
      expect(code(await stack.gql(APPROVE, { id: plan.planId }, stranger))).toBe('FORBIDDEN');
    }
    // The supervisor returns it with a note; the employee reads the note, edits the plan and submits it again.
    const note = 'Tambahkan RHK tambahan untuk sosialisasi kurikulum ke sekolah.';
    const returned = ok(
      await stack.gql(
        `mutation ($id: ID!, $note: String!) { returnPerformancePlan(planId: $id, note: $note) { status } }`,
        { id: plan.planId, note },
        token.supervisor,
      ),
      'returnPerformancePlan',
    );
    expect(returned).toEqual({ status: 'RETURNED' });
    const seen = ok(
      await stack.gql(`query ($id: ID!) { performancePlan(id: $id) { status returnNote allowedActions } }`, { id: plan.planId }, token.employee),
      'performancePlan',
    );
    expect(seen).toEqual({ status: 'RETURNED', returnNote: note, allowedActions: ['SUBMIT', 'EDIT'] });
    ok(await stack.gql(`mutation ($id: ID!) { reopenPerformancePlan(planId: $id) { status } }`, { id: plan.planId }, token.employee), 'reopenPerformancePlan');
    const additional = ok(
      await stack.gql(
        `mutation ($input: AddWorkResultInput!) { addWorkResult(input: $input) { id } }`,
        { input: { planId: plan.planId, kind: 'ADDITIONAL', title: 'Sosialisasi kurikulum muatan lokal' } },
        token.employee,
      ),
      'addWorkResult',
    );
    ok(
      await stack.gql(
        `mutation ($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }`,
        { input: { workResultId: additional.id, aspect: 'QUANTITY', description: 'Sekolah yang disosialisasi', target: 4, unit: 'sekolah' } },
        token.employee,
      ),
      'addIndicator',
    );
    const resubmitted = ok(
      await stack.gql(`mutation ($id: ID!) { submitPerformancePlan(planId: $id) { status } }`, { id: plan.planId }, token.employee),
      'submitPerformancePlan',
    );
    expect(resubmitted).toEqual({ status: 'SUBMITTED' });
    expect(await approvePlan(stack, token.supervisor, plan.planId)).toBe('APPROVED');
    // 3 of 12 documents over three quarters: far below the target.
    await reportRealizations(
      stack,
      token.employee,
      plan.indicatorId,
      period.subPeriods.filter((p) => p.index <= 3).map((p) => p.id),
      1,
    );
    const planView = ok(
      await stack.gql(
        `query ($id: ID!) { performancePlan(id: $id) { status period { id } workResults { kind indicators { target realizations { value } } } } }`,
        { id: plan.planId },
        token.supervisor,
      ),
      'performancePlan',
    );
    expect(planView).toMatchObject({
      status: 'APPROVED',
      period: { id: period.id },
      workResults: [
        { kind: 'MAIN', indicators: [{ target: 12 }] },
        { kind: 'ADDITIONAL', indicators: [{ target: 4, realizations: [] }] },
      ],
    });
    expect(planView.workResults[0].indicators[0].realizations).toHaveLength(3);
  });

  it('finalizes the annual assessment with KOLABORATIF below as BUTUH_PERBAIKAN and puts the event on Kafka', async () => {
    const input = {
      planId: plan.planId,
      periodId,
      workResultRating: 'BELOW',
      behaviourRating: 'MEETS',
      behaviourRatings: behaviourRatings(['KOLABORATIF']),
      feedback: 'Target dokumen jauh di bawah rencana; kerja sama dengan tim perlu diperbaiki.',
    };
    // The plan's agency decides nothing for another agency's HR, and another unit's supervisor is not the assessor.
    for (const stranger of [token.otherUnitSupervisor, token.otherAgencyHr]) {
      expect(code(await stack.gql(FINALIZE, { input }, stranger))).toBe('FORBIDDEN');
    }
    // The shared broker's topic holds every earlier run's events: read only what comes after this one.
    const since = await topicEnds(FINALIZED);
    const assessment = ok(await stack.gql(FINALIZE, { input }, token.supervisor), 'finalizeAssessment');
    const at = Date.now();
    expect(assessment).toMatchObject({
      kind: 'ANNUAL',
      proposedWorkResultRating: 'BELOW',
      workResultRating: 'BELOW',
      predikat: 'BUTUH_PERBAIKAN',
      behaviourGaps: ['KOLABORATIF'],
      workResultGaps: [{ workResultId: plan.workResultId }],
    });

    // The event id as performance wrote it into its outbox, in the transaction of the finalization…
    const outbox = await stack.performance.service.prisma.outboxEvent.findFirstOrThrow({ where: { type: FINALIZED, key: who.employeeId } });
    // …and the record the relay put on the topic.
    const records = await readTopic(FINALIZED, (all) => all.some((r) => r.headers['event-id'] === outbox.id), undefined, undefined, since);
    const mine = records.filter((r) => r.key === who.employeeId);
    expect(mine).toHaveLength(1);
    const envelope = parseEnvelope(mine[0]!.value);
    expect(envelope).toMatchObject({
      id: outbox.id,
      type: FINALIZED,
      producer: 'performance',
      agencyId: who.agencyId,
      payload: {
        assessmentId: assessment.id,
        employeeId: who.employeeId,
        periodId,
        kind: 'ANNUAL',
        predikat: 'BUTUH_PERBAIKAN',
        behaviourGaps: ['KOLABORATIF'],
        workResultGaps: [{ workResultId: plan.workResultId }],
      },
    });
    finalized = { id: outbox.id, record: mine[0]!, at };
  });

  it('shows the PERFORMANCE_GAP assignment with the event id on the employee through the gateway within seconds', async () => {
    const assignments = await waitFor(
      async () => {
        const list = (await training()).trainingAssignments;
        return list.length >= 2 ? list : undefined;
      },
      20_000,
      'the assignments of the finalized assessment',
    );
    // From the finalization to the assignments' commit in development (what the previous test spent
    // reading the topic does not count); bench:flow measures this latency at volume.
    const created = await stack.development.service.prisma.trainingAssignment.findMany({
      where: { sourceEventId: finalized.id },
      select: { createdAt: true },
    });
    expect(Math.max(...created.map((row) => row.createdAt.getTime())) - finalized.at).toBeLessThan(10_000);
    // One programme per gap: KOLABORATIF → effective communication; the MAIN result → the work-result fallback.
    expect(assignments).toHaveLength(2);
    expect(assignments.every((a) => a.reason === 'PERFORMANCE_GAP' && a.sourceEventId === finalized.id && a.status === 'ASSIGNED')).toBe(true);
    kolaboratif = assignments.find((a) => a.gaps.some((gap) => gap.coreValue === 'KOLABORATIF'))!;
    expect(kolaboratif).toMatchObject({
      reason: 'PERFORMANCE_GAP',
      sourceEventId: finalized.id,
      status: 'ASSIGNED',
      program: { code: 'KOM-EFEKTIF' },
      gaps: [{ kind: 'CORE_VALUE', coreValue: 'KOLABORATIF', workResultId: null }],
    });
    expect(assignments.find((a) => a !== kolaboratif)).toMatchObject({
      program: { code: 'PERENCANAAN-KINERJA' },
      gaps: [{ kind: 'WORK_RESULT', workResultId: plan.workResultId }],
    });
    // The employee sees the same on their own.
    const own = ok(await stack.gql(`{ me { trainingAssignments { id sourceEventId } } }`, {}, token.employee), 'me');
    expect(own.trainingAssignments.map((a: { id: string }) => a.id).sort()).toEqual(assignments.map((a) => a.id).sort());
  });

  it('keeps one assignment when the same event is delivered again', async () => {
    const before = (await training()).trainingAssignments;
    const producer = kafkaClient().producer();
    await producer.connect();
    let sent;
    try {
      const { key, value, headers } = finalized.record;
      [sent] = await producer.send({ topic: FINALIZED, messages: [{ key, value, headers }] });
    } finally {
      await producer.disconnect();
    }
    // development has consumed past the duplicate once its group committed an offset beyond it.
    const group = stack.groupOf('development');
    const admin = kafkaClient().admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [FINALIZED] });
          const committed = offsets?.partitions.find((p) => p.partition === sent!.partition)?.offset ?? '-1';
          return BigInt(committed) > BigInt(sent!.baseOffset!);
        },
        20_000,
        'development to consume the redelivered event',
      );
    } finally {
      await admin.disconnect();
    }
    const after = (await training()).trainingAssignments;
    expect(after).toEqual(before);
    expect(after.filter((a) => a.program?.code === 'KOM-EFEKTIF' && a.sourceEventId === finalized.id)).toHaveLength(1);
    expect(await stack.development.service.prisma.trainingAssignment.count({ where: { employeeId: who.employeeId } })).toBe(2);
  });

  it('completes the training: learning hours grow and performance shows the development evidence', async () => {
    const before = (await training()).learningHours;
    expect(before).toMatchObject({ completed: 0, required: 20 });
    const completed = ok(
      await stack.gql(
        `mutation ($input: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $input) { id status earnedJp completedOn certificate { number jp } } }`,
        { input: { assignmentId: kolaboratif.id, result: 'PASSED', completedOn: today() } },
        token.hr,
      ),
      'recordTrainingCompletion',
    );
    const at = Date.now();
    const jp = kolaboratif.program!.jpHours;
    expect(completed).toMatchObject({ status: 'COMPLETED', earnedJp: jp, certificate: { jp } });

    const after = await training();
    expect(after.learningHours).toMatchObject({ completed: before.completed + jp, required: 20, remaining: Math.max(0, 20 - before.completed - jp) });
    expect(after.trainingAssignments.find((a) => a.id === kolaboratif.id)?.status).toBe('COMPLETED');

    // development.training.completed → performance, over Kafka.
    const evidence = await waitFor(
      async () => {
        const employee = ok(
          await stack.gql(
            `query ($id: ID!) { employee(id: $id) { developmentEvidence { programId programTitle jp certificateNumber planId completedAt } } }`,
            { id: who.employeeId },
            token.supervisor,
          ),
          'employee',
        );
        return employee.developmentEvidence.length > 0 ? employee.developmentEvidence : undefined;
      },
      10_000,
      "performance's development evidence",
    );
    expect(Date.now() - at).toBeLessThan(10_000);
    expect(evidence).toEqual([
      expect.objectContaining({
        programId: kolaboratif.program!.id,
        jp,
        certificateNumber: completed.certificate.number,
        planId: plan.planId,
      }),
    ]);
    const certificate = ok(
      await stack.gql(`query ($n: String!) { verifyCertificate(number: $n) { valid jp } }`, { n: completed.certificate.number }),
      'verifyCertificate',
    );
    expect(certificate).toEqual({ valid: true, jp });
  });
});
