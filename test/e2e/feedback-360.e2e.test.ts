import { randomUUID } from 'node:crypto';

import { DEFAULT_QUESTIONNAIRE } from '../../services/feedback/src/domain/questionnaire';
import type { FeedbackService } from '../../services/feedback/src/feedback.module';
import { login } from '../support/graphql-client';
import { waitFor } from '../support/kafka';
import { approvePlan, type FederatedStack, ok, openPeriod, type StackService, startFederatedStack, submittedPlan, today } from './federated-stack';

const START = `mutation ($input: StartFeedbackCycleInput!) { startFeedbackCycle(input: $input) { id status } }`;
const OPEN = `mutation ($input: OpenFeedbackCycleInput!) { openFeedbackCycle(input: $input) { id status } }`;
const SUBMIT = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { cycleId } }`;
const CLOSE = `mutation ($id: ID!) { closeFeedbackCycle(cycleId: $id) { id status } }`;
const CYCLE = `query ($id: ID!) { feedbackCycle(id: $id) { id status subject { id name position { title } } raterGroups { group invited answered shown } aggregate { group value average } } }`;
const REQUESTS = `{ me { id feedbackRequests { cycleId group subject { name } questionnaire { code } } } }`;

const answersOf = (score: number) => DEFAULT_QUESTIONNAIRE.map((item) => ({ itemCode: item.code, score }));

/**
 * A 360° cycle through the gateway: feedback knows the reporting line only from identity's events
 * over Kafka; a supervisor starts a cycle, peers answer, the supervisor closes it and reads the
 * aggregate, with the subject's name and position resolved by identity in the same query.
 */
describe('360° feedback through the gateway over Kafka', () => {
  let stack: FederatedStack;
  let feedback: StackService<FeedbackService>;
  let supervisorToken = '';
  let subjectId = '';
  let subjectAgencyId = '';
  let subjectNip = '';
  let peerTokens: string[] = [];

  beforeAll(async () => {
    stack = await startFederatedStack('fb360');
    feedback = stack.services['feedback'] as StackService<FeedbackService>;
    const published = await stack.backfill();
    await waitFor(async () => (await feedback.service.prisma.employeeCopy.count()) >= published, 30_000, "feedback's copies of every employee");

    // A supervisor with at least four direct reports: the subject and three peers.
    const [team] = await feedback.service.prisma.employeeCopy.groupBy({
      by: ['supervisorEmployeeId'],
      where: { supervisorEmployeeId: { not: null }, status: 'ACTIVE' },
      _count: { _all: true },
      having: { employeeId: { _count: { gte: 4 } } },
    });
    const supervisorId = team!.supervisorEmployeeId!;
    const members = await feedback.service.prisma.employeeCopy.findMany({ where: { supervisorEmployeeId: supervisorId }, orderBy: { employeeId: 'asc' } });
    const nipOf = async (id: string) => (await stack.identity.service.prisma.employee.findUniqueOrThrow({ where: { id } })).nip;
    supervisorToken = await login(stack.url, { nip: await nipOf(supervisorId) });
    subjectId = members[0]!.employeeId;
    subjectAgencyId = members[0]!.agencyId;
    subjectNip = await nipOf(subjectId);
    peerTokens = await Promise.all(members.slice(1, 4).map(async (member) => login(stack.url, { nip: await nipOf(member.employeeId) })));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Started as a draft with the derived raters, then opened. */
  const startCycle = async (periodId: string = randomUUID()) => {
    const { id } = ok<{ id: string }>(await stack.gql(START, { input: { subjectId, periodId } }, supervisorToken), 'startFeedbackCycle');
    expect(ok<{ status: string }>(await stack.gql(OPEN, { input: { cycleId: id } }, supervisorToken), 'openFeedbackCycle').status).toBe('OPEN');
    return id;
  };

  it('three peers answer, the supervisor closes the cycle and sees the aggregate per value and group; the completed event leaves through Kafka', async () => {
    const cycleId = await startCycle();
    for (const [index, token] of peerTokens.entries()) {
      const me = ok<{ feedbackRequests: { cycleId: string; group: string; questionnaire: unknown[] }[] }>(await stack.gql(REQUESTS, {}, token), 'me');
      expect(me.feedbackRequests.find((request) => request.cycleId === cycleId)).toMatchObject({ group: 'PEER' });
      ok(await stack.gql(SUBMIT, { input: { cycleId, answers: answersOf(3 + index) } }, token), 'submitFeedback');
    }
    ok(await stack.gql(CLOSE, { id: cycleId }, supervisorToken), 'closeFeedbackCycle');
    const cycle = ok<{
      subject: { id: string; name: string; position: { title: string } | null };
      aggregate: { group: string; value: string; average: number }[];
    }>(await stack.gql(CYCLE, { id: cycleId }, supervisorToken), 'feedbackCycle');
    expect(cycle.subject).toMatchObject({ id: subjectId, name: expect.any(String) });
    expect(cycle.aggregate.filter((average) => average.group === 'PEER')).toHaveLength(7);
    expect(cycle.aggregate).toContainEqual({ group: 'PEER', value: 'KOLABORATIF', average: 4 });

    const outbox = await waitFor(
      async () => {
        const rows = await feedback.service.prisma.outboxEvent.findMany({ where: { type: 'feedback.cycle.completed', key: subjectId } });
        return rows.find((row) => (row.envelope as { payload: { cycleId: string } }).payload.cycleId === cycleId && row.publishedAt !== null);
      },
      15_000,
      'feedback.cycle.completed published to Kafka',
    );
    expect((outbox.envelope as { payload: { aggregate: unknown[] } }).payload.aggregate).toContainEqual({ value: 'KOLABORATIF', average: 4, responses: 3 });
  });

  it("performance keeps the completed cycle and shows its aggregate on the subject's plan, beside the supervisor's decision", async () => {
    // HR opens the agency's year; the subject's SKP is approved by the supervisor; the cycle is about that period.
    const grant = await stack.identity.service.prisma.roleGrant.findFirstOrThrow({
      where: { role: 'HR_ADMIN', scope: subjectAgencyId },
      include: { user: true },
    });
    const hrToken = await login(stack.url, { email: grant.user.email! });
    const period = await openPeriod(stack, hrToken, subjectAgencyId, Number(today().slice(0, 4)));
    const plan = await submittedPlan(stack, await login(stack.url, { nip: subjectNip }), period.id, 'Menyusun laporan layanan');
    expect(await approvePlan(stack, supervisorToken, plan.planId)).toBe('APPROVED');

    const PLAN = `query ($id: ID!) { performancePlan(id: $id) { id employee { id name } feedbackAggregate { cycleId values { value average responses } } } }`;
    expect(ok(await stack.gql(PLAN, { id: plan.planId }, supervisorToken), 'performancePlan').feedbackAggregate).toBeNull();

    const cycleId = await startCycle(period.id);
    for (const [index, token] of peerTokens.entries())
      ok(await stack.gql(SUBMIT, { input: { cycleId, answers: answersOf(3 + index) } }, token), 'submitFeedback');
    ok(await stack.gql(CLOSE, { id: cycleId }, supervisorToken), 'closeFeedbackCycle');

    // feedback.cycle.completed travels over Kafka into performance's own table.
    await waitFor(
      async () => (await stack.performance.service.prisma.feedbackAggregate.count({ where: { cycleId } })) === 1,
      20_000,
      'performance keeping feedback.cycle.completed',
    );
    const shown = ok<{ employee: { id: string; name: string }; feedbackAggregate: { cycleId: string; values: unknown[] } }>(
      await stack.gql(PLAN, { id: plan.planId }, supervisorToken),
      'performancePlan',
    );
    expect(shown.employee).toMatchObject({ id: subjectId, name: expect.any(String) });
    expect(shown.feedbackAggregate.cycleId).toBe(cycleId);
    expect(shown.feedbackAggregate.values).toContainEqual({ value: 'KOLABORATIF', average: 4, responses: 3 });
  });

  it('with two peers answered, no peer aggregate shows', async () => {
    const cycleId = await startCycle();
    for (const token of peerTokens.slice(0, 2)) ok(await stack.gql(SUBMIT, { input: { cycleId, answers: answersOf(4) } }, token), 'submitFeedback');
    ok(await stack.gql(CLOSE, { id: cycleId }, supervisorToken), 'closeFeedbackCycle');
    const cycle = ok<{ raterGroups: { group: string; answered: number; shown: boolean }[]; aggregate: { group: string }[] }>(
      await stack.gql(CYCLE, { id: cycleId }, supervisorToken),
      'feedbackCycle',
    );
    expect(cycle.raterGroups.find((group) => group.group === 'PEER')).toMatchObject({ answered: 2, shown: false });
    expect(cycle.aggregate).toEqual([]);
  });
});
