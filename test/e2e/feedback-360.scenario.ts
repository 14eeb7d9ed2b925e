import { randomUUID } from 'node:crypto';

import type { GraphQLResponse } from '../support/graphql-client';

/**
 * The 360° flow of issue 11, written once and run against both ways the graph runs: the federated
 * stack over real Kafka (feedback-360.e2e.test.ts) and the embedded `npm start`
 * (embedded-feedback-360.e2e.test.ts). It speaks only GraphQL through the gateway, as a frontend
 * would: a supervisor starts a cycle, three peers answer, the supervisor closes it and sees the
 * aggregate, also beside the behaviour rating on the subject's SKP in performance; with two peers
 * answered no peer aggregate shows.
 */
export interface Feedback360Graph {
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  login(input: { email?: string; nip?: string }): Promise<string>;
  /** Called after the first cycle closed (the Kafka run checks the event left through the broker). */
  onCompleted?(cycle: { cycleId: string; subjectId: string }): Promise<void>;
}

const START = `mutation ($input: StartFeedbackCycleInput!) { startFeedbackCycle(input: $input) { id status } }`;
const OPEN = `mutation ($input: OpenFeedbackCycleInput!) { openFeedbackCycle(input: $input) { id status questionnaire { code } } }`;
const SUBMIT = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { cycleId } }`;
const CLOSE = `mutation ($id: ID!) { closeFeedbackCycle(cycleId: $id) { id status } }`;
const CYCLE = `query ($id: ID!) { feedbackCycle(id: $id) { id status subject { id name position { title } } raterGroups { group invited answered shown } aggregate { group value average } } }`;
const REQUESTS = `{ me { id feedbackRequests { cycleId group subject { name } questionnaire { code } } } }`;
const AGENCIES = `{ agencies { id } }`;
const EMPLOYEES = `query ($agencyId: ID!, $after: String) { employees(filter: { agencyId: $agencyId }, first: 100, after: $after) {
  edges { node { id nip status subordinates { id nip status } } } pageInfo { hasNextPage endCursor } } }`;
const PERIODS = `query ($agencyId: ID!) { performancePeriods(agencyId: $agencyId) { id year status } }`;
const CREATE_PERIOD = `mutation ($input: CreatePerformancePeriodInput!) { createPerformancePeriod(input: $input) { id year status } }`;
const PLANS = `query ($id: ID!) { employee(id: $id) { performancePlans { id status period { id } } } }`;
const PLAN = `query ($id: ID!) { performancePlan(id: $id) { id employee { id name } feedbackAggregate { cycleId values { value average responses } } } }`;

/** The data of a response, failing with the errors when there are any. */
function ok<T = any>(response: GraphQLResponse, field: string): T {
  if (response.errors) throw new Error(`${field}: ${JSON.stringify(response.errors)}`);
  return (response.data as Record<string, T>)[field] as T;
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The agencies' year is the calendar year in WIB (UTC+7). */
const currentYear = () => new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

interface Team {
  agencyId: string;
  supervisorNip: string;
  subject: { id: string; nip: string };
  peerNips: string[];
}

/** A supervisor with at least four active direct reports, found through the graph by the province admin. */
async function findTeam(graph: Feedback360Graph, adminToken: string): Promise<Team> {
  for (const { id: agencyId } of ok<{ id: string }[]>(await graph.gql(AGENCIES, {}, adminToken), 'agencies')) {
    for (let after: string | null = null; ;) {
      const page: {
        edges: { node: { id: string; nip: string; status: string; subordinates: { id: string; nip: string; status: string }[] } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      } = ok(await graph.gql(EMPLOYEES, { agencyId, after }, adminToken), 'employees');
      for (const { node } of page.edges) {
        const active = node.subordinates.filter((member) => member.status === 'ACTIVE').sort((a, b) => a.id.localeCompare(b.id));
        if (node.status === 'ACTIVE' && active.length >= 4)
          return { agencyId, supervisorNip: node.nip, subject: active[0]!, peerNips: active.slice(1, 4).map((member) => member.nip) };
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
  }
  throw new Error('no supervisor with four direct reports in the demo province');
}

export function describeFeedback360(title: string, open: () => Promise<Feedback360Graph>, close: () => Promise<void>): void {
  describe(title, () => {
    let graph: Feedback360Graph;
    let adminToken = '';
    let supervisorToken = '';
    let team: Team;
    let peerTokens: string[] = [];

    beforeAll(async () => {
      graph = await open();
      adminToken = await graph.login({ email: 'admin@kinerja.demo' });
      team = await findTeam(graph, adminToken);
      supervisorToken = await graph.login({ nip: team.supervisorNip });
      peerTokens = await Promise.all(team.peerNips.map((nip) => graph.login({ nip })));
      // Starting the whole graph (and, embedded, recording the demo activity) takes minutes on a busy machine.
    }, 300_000);

    afterAll(() => close(), 60_000);

    /** Started as a draft with the derived raters, then opened; answers the cycle and its questionnaire. */
    const startCycle = async (periodId: string = randomUUID()) => {
      const { id } = ok<{ id: string }>(await graph.gql(START, { input: { subjectId: team.subject.id, periodId } }, supervisorToken), 'startFeedbackCycle');
      const opened = ok<{ status: string; questionnaire: { code: string }[] }>(
        await graph.gql(OPEN, { input: { cycleId: id } }, supervisorToken),
        'openFeedbackCycle',
      );
      expect(opened.status).toBe('OPEN');
      const answersOf = (score: number) => opened.questionnaire.map((item) => ({ itemCode: item.code, score }));
      return { cycleId: id, answersOf };
    };

    /** The subject's approved SKP of the agency's current year (the province admin opens the year where needed). */
    const approvedPlan = async (): Promise<{ planId: string; periodId: string }> => {
      const year = currentYear();
      const periods = ok<{ id: string; year: number; status: string }[]>(
        await graph.gql(PERIODS, { agencyId: team.agencyId }, adminToken),
        'performancePeriods',
      );
      const period =
        periods.find((candidate) => candidate.year === year) ??
        ok<{ id: string }>(
          await graph.gql(CREATE_PERIOD, { input: { agencyId: team.agencyId, year, cadence: 'QUARTERLY' } }, adminToken),
          'createPerformancePeriod',
        );
      const subjectToken = await graph.login({ nip: team.subject.nip });
      const plans = ok<{ performancePlans: { id: string; status: string; period: { id: string } }[] }>(
        await graph.gql(PLANS, { id: team.subject.id }, supervisorToken),
        'employee',
      ).performancePlans;
      let plan: { id: string; status: string } | undefined = plans.find((candidate) => candidate.period.id === period.id);
      if (!plan) {
        const created = ok<{ id: string; status: string }>(
          await graph.gql(
            `mutation ($input: CreatePerformancePlanInput!) { createPerformancePlan(input: $input) { id status } }`,
            { input: { periodId: period.id } },
            subjectToken,
          ),
          'createPerformancePlan',
        );
        const result = ok<{ id: string }>(
          await graph.gql(
            `mutation ($input: AddWorkResultInput!) { addWorkResult(input: $input) { id } }`,
            { input: { planId: created.id, kind: 'MAIN', title: 'Menyusun laporan layanan' } },
            subjectToken,
          ),
          'addWorkResult',
        );
        ok(
          await graph.gql(
            `mutation ($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }`,
            { input: { workResultId: result.id, aspect: 'QUANTITY', description: 'Jumlah laporan layanan', target: 12, unit: 'dokumen' } },
            subjectToken,
          ),
          'addIndicator',
        );
        plan = created;
      }
      if (plan.status === 'DRAFT')
        plan = ok<{ id: string; status: string }>(
          await graph.gql(`mutation ($id: ID!) { submitPerformancePlan(planId: $id) { id status } }`, { id: plan.id }, subjectToken),
          'submitPerformancePlan',
        );
      if (plan.status === 'SUBMITTED')
        plan = ok<{ id: string; status: string }>(
          await graph.gql(`mutation ($id: ID!) { approvePerformancePlan(planId: $id) { id status } }`, { id: plan.id }, supervisorToken),
          'approvePerformancePlan',
        );
      expect(plan.status).toBe('APPROVED');
      return { planId: plan.id, periodId: period.id };
    };

    it('three peers answer, the supervisor closes the cycle and sees the aggregate per value and group', async () => {
      const { cycleId, answersOf } = await startCycle();
      for (const [index, token] of peerTokens.entries()) {
        const me = ok<{ feedbackRequests: { cycleId: string; group: string }[] }>(await graph.gql(REQUESTS, {}, token), 'me');
        expect(me.feedbackRequests.find((request) => request.cycleId === cycleId)).toMatchObject({ group: 'PEER' });
        ok(await graph.gql(SUBMIT, { input: { cycleId, answers: answersOf(3 + index) } }, token), 'submitFeedback');
      }
      ok(await graph.gql(CLOSE, { id: cycleId }, supervisorToken), 'closeFeedbackCycle');
      const cycle = ok<{ subject: { id: string; name: string }; aggregate: { group: string; value: string; average: number }[] }>(
        await graph.gql(CYCLE, { id: cycleId }, supervisorToken),
        'feedbackCycle',
      );
      expect(cycle.subject).toMatchObject({ id: team.subject.id, name: expect.any(String) });
      expect(cycle.aggregate.filter((average) => average.group === 'PEER')).toHaveLength(7);
      expect(cycle.aggregate).toContainEqual({ group: 'PEER', value: 'KOLABORATIF', average: 4 });
      await graph.onCompleted?.({ cycleId, subjectId: team.subject.id });
    });

    it("performance keeps the completed cycle and shows its aggregate on the subject's plan, beside the supervisor's decision", async () => {
      const plan = await approvedPlan();
      expect(ok(await graph.gql(PLAN, { id: plan.planId }, supervisorToken), 'performancePlan').feedbackAggregate).toBeNull();

      const { cycleId, answersOf } = await startCycle(plan.periodId);
      for (const [index, token] of peerTokens.entries())
        ok(await graph.gql(SUBMIT, { input: { cycleId, answers: answersOf(3 + index) } }, token), 'submitFeedback');
      ok(await graph.gql(CLOSE, { id: cycleId }, supervisorToken), 'closeFeedbackCycle');

      // feedback.cycle.completed travels to performance (over Kafka, or the embedded bus) into its own table.
      const shown = await eventually(async () => {
        const current = ok<{ employee: { id: string }; feedbackAggregate: { cycleId: string; values: unknown[] } | null }>(
          await graph.gql(PLAN, { id: plan.planId }, supervisorToken),
          'performancePlan',
        );
        return current.feedbackAggregate ? current : undefined;
      }, 'performance showing the completed cycle');
      expect(shown.employee.id).toBe(team.subject.id);
      expect(shown.feedbackAggregate?.cycleId).toBe(cycleId);
      expect(shown.feedbackAggregate?.values).toContainEqual({ value: 'KOLABORATIF', average: 4, responses: 3 });
    });

    it('with two peers answered, no peer aggregate shows', async () => {
      const { cycleId, answersOf } = await startCycle();
      for (const token of peerTokens.slice(0, 2)) ok(await graph.gql(SUBMIT, { input: { cycleId, answers: answersOf(4) } }, token), 'submitFeedback');
      ok(await graph.gql(CLOSE, { id: cycleId }, supervisorToken), 'closeFeedbackCycle');
      const cycle = ok<{ raterGroups: { group: string; answered: number; shown: boolean }[]; aggregate: { group: string }[] }>(
        await graph.gql(CYCLE, { id: cycleId }, supervisorToken),
        'feedbackCycle',
      );
      expect(cycle.raterGroups.find((group) => group.group === 'PEER')).toMatchObject({ answered: 2, shown: false });
      expect(cycle.aggregate).toEqual([]);
    });
  });
}
