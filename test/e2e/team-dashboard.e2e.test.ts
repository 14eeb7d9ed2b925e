import type { FeedbackService } from '../../services/feedback/src/feedback.module';
import { graphql, login } from '../support/graphql-client';
import { waitFor } from '../support/kafka';
import {
  approvePlan,
  behaviourRatings,
  type FederatedStack,
  FINALIZE,
  ok,
  openPeriod,
  reportRealizations,
  startFederatedStack,
  submittedPlan,
  today,
} from './federated-stack';

/**
 * The screen that shows the federation at work (DOMAIN.md): a supervisor's team in one query
 * through the gateway. identity answers who the subordinates are, with position and unit;
 * performance their SKP and latest predikat; feedback their open 360° requests and last dialogue;
 * development their open trainings and learning hours.
 */
const DASHBOARD_FIELDS = `
  id
  name
  nip
  employmentType
  position { title }
  orgUnit { name }
  performancePlans { id status period { year } }
  latestAssessment { predikat kind }
  feedbackRequests { cycleId group subject { id name } dueDate }
  lastDialogue { kind status summary recordedBy { id } }
  trainingAssignments(status: ASSIGNED) { id reason sourceEventId program { code jpHours } }
  learningHours(year: $year) { completed required remaining }
`;
const DASHBOARD = `query TeamDashboard($year: Int!) { me { id name subordinates { ${DASHBOARD_FIELDS} } } }`;

interface Member {
  id: string;
  name: string;
  nip: string;
  employmentType: string;
  position: { title: string };
  orgUnit: { name: string };
  performancePlans: { id: string; status: string; period: { year: number } }[];
  latestAssessment: { predikat: string; kind: string } | null;
  feedbackRequests: { cycleId: string; group: string; subject: { id: string; name: string }; dueDate: string }[] | null;
  lastDialogue: { kind: string; status: string; summary: string; recordedBy: { id: string } } | null;
  trainingAssignments: { id: string; reason: string; sourceEventId: string | null; program: { code: string; jpHours: number } }[] | null;
  learningHours: { completed: number; required: number; remaining: number } | null;
}

describe("a supervisor's team dashboard in one query through the gateway", () => {
  const year = Number(today().slice(0, 4));
  let stack: FederatedStack;
  let supervisor: { id: string; token: string };
  /** poor: rated BUTUH_PERBAIKAN (trainings assigned over Kafka); good: rated BAIK, trained by HR's hand. */
  const team = {} as Record<'poor' | 'good', { id: string; name: string; nip: string; title: string; planId: string; token: string }>;
  let completedJp = 0;
  let openManual = '';
  let finalizedEventId = '';
  let cycleId = '';

  beforeAll(async () => {
    stack = await startFederatedStack('team');
    await stack.backfill();
    await stack.copiesComplete();

    const supervisorToken = await login(stack.url, { email: 'supervisor.tanjungpinang@kinerja.demo' });
    const hr = await login(stack.url, { email: 'hr.tanjungpinang@kinerja.demo' });
    const me = ok(await stack.gql(`{ me { id agency { id } subordinates { id name nip position { title } } } }`, {}, supervisorToken), 'me');
    supervisor = { id: me.id, token: supervisorToken };
    expect(me.subordinates).toHaveLength(2);
    const period = await openPeriod(stack, hr, me.agency.id, year);
    const quarters = period.subPeriods.filter((p) => p.index <= 3).map((p) => p.id);

    for (const [role, member] of [
      ['poor', me.subordinates[0]],
      ['good', me.subordinates[1]],
    ] as const) {
      const token = await login(stack.url, { nip: member.nip });
      const plan = await submittedPlan(stack, token, period.id, `Rencana kerja ${member.position.title}`);
      expect(await approvePlan(stack, supervisorToken, plan.planId)).toBe('APPROVED');
      // poor: 3 of 12 (BELOW); good: 12 of 12 (MEETS).
      await reportRealizations(stack, token, plan.indicatorId, quarters, role === 'poor' ? 1 : 4);
      const rating = role === 'poor' ? 'BELOW' : 'MEETS';
      const assessment = ok(
        await stack.gql(
          FINALIZE,
          {
            input: {
              planId: plan.planId,
              periodId: period.id,
              workResultRating: rating,
              behaviourRating: 'MEETS',
              behaviourRatings: behaviourRatings(role === 'poor' ? ['KOLABORATIF'] : []),
              feedback: 'Penilaian tahunan oleh atasan langsung.',
            },
          },
          supervisorToken,
        ),
        'finalizeAssessment',
      );
      expect(assessment.predikat).toBe(role === 'poor' ? 'BUTUH_PERBAIKAN' : 'BAIK');
      team[role] = { id: member.id, name: member.name, nip: member.nip, title: member.position.title, planId: plan.planId, token };
    }

    // The poor rating's trainings arrive from performance's event, over Kafka.
    const outbox = await stack.performance.service.prisma.outboxEvent.findFirstOrThrow({
      where: { type: 'performance.assessment.finalized', key: team.poor.id },
    });
    finalizedEventId = outbox.id;
    await waitFor(
      async () => (await stack.development.service.prisma.trainingAssignment.count({ where: { employeeId: team.poor.id, sourceEventId: outbox.id } })) === 2,
      15_000,
      'the trainings of the poor rating',
    );

    // HR assigns the good one two programmes by hand and records one of them as passed.
    const programmes = ok<{ id: string; code: string; jpHours: number }[]>(
      await stack.gql(`query ($a: ID) { trainingPrograms(agencyId: $a) { id code jpHours } }`, { a: me.agency.id }, hr),
      'trainingPrograms',
    );
    const byCode = (code: string) => programmes.find((p) => p.code === code)!;
    const assign = async (code: string) =>
      ok<{ id: string }>(
        await stack.gql(
          `mutation ($input: AssignTrainingInput!) { assignTraining(input: $input) { id reason status } }`,
          { input: { employeeId: team.good.id, programId: byCode(code).id } },
          hr,
        ),
        'assignTraining',
      ).id;
    const done = await assign('PELAYANAN-PRIMA');
    openManual = await assign('HARMONI-KERJA');
    ok(
      await stack.gql(
        `mutation ($input: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $input) { id status } }`,
        { input: { assignmentId: done, result: 'PASSED', completedOn: today() } },
        hr,
      ),
      'recordTrainingCompletion',
    );
    completedJp = byCode('PELAYANAN-PRIMA').jpHours;

    // feedback: the supervisor starts a 360° cycle about the poor one (the good one is their peer,
    // the poor one answers about themself) and records a monitoring dialogue with the good one.
    const feedback = stack.services['feedback']!.service as FeedbackService;
    await waitFor(
      async () =>
        (await feedback.prisma.employeeCopy.count({ where: { employeeId: { in: [team.poor.id, team.good.id] }, supervisorEmployeeId: me.id } })) === 2,
      30_000,
      "feedback's copy of the team",
    );
    cycleId = ok<{ id: string }>(
      await stack.gql(
        `mutation ($input: StartFeedbackCycleInput!) { startFeedbackCycle(input: $input) { id } }`,
        { input: { subjectId: team.poor.id, periodId: period.id } },
        supervisorToken,
      ),
      'startFeedbackCycle',
    ).id;
    ok(
      await stack.gql(`mutation ($input: OpenFeedbackCycleInput!) { openFeedbackCycle(input: $input) { id } }`, { input: { cycleId } }, supervisorToken),
      'openFeedbackCycle',
    );
    ok(
      await stack.gql(
        `mutation ($input: RecordDialogueInput!) { recordDialogue(input: $input) { id } }`,
        { input: { employeeId: team.good.id, kind: 'MONITORING', date: today(), summary: 'Capaian triwulan dibahas bersama.' } },
        supervisorToken,
      ),
      'recordDialogue',
    );
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('answers every subordinate with the data of identity, performance, feedback and development in one query', async () => {
    const response = await stack.gql<{ me: { id: string; subordinates: Member[] } }>(DASHBOARD, { year }, supervisor.token);
    expect(response.errors).toBeUndefined();
    const members = response.data!.me.subordinates;
    expect(members.map((m) => m.id).sort()).toEqual([team.poor.id, team.good.id].sort());

    for (const member of members) {
      const role = member.id === team.poor.id ? 'poor' : 'good';
      // identity
      expect(member).toMatchObject({ name: team[role].name, nip: team[role].nip, employmentType: 'PNS', position: { title: team[role].title } });
      expect(member.orgUnit.name).toBe('Dinas Pendidikan');
      // performance
      expect(member.performancePlans).toEqual([{ id: team[role].planId, status: 'APPROVED', period: { year } }]);
      expect(member.latestAssessment).toEqual({ predikat: role === 'poor' ? 'BUTUH_PERBAIKAN' : 'BAIK', kind: 'ANNUAL' });
      // feedback: each has the open request of the cycle about the poor one, its subject named by identity.
      expect(member.feedbackRequests?.filter((request) => request.cycleId === cycleId)).toEqual([
        { cycleId, group: role === 'poor' ? 'SELF' : 'PEER', subject: { id: team.poor.id, name: team.poor.name }, dueDate: expect.any(String) },
      ]);
      // development
      expect(member.learningHours).toEqual(
        role === 'poor' ? { completed: 0, required: 20, remaining: 20 } : { completed: completedJp, required: 20, remaining: Math.max(0, 20 - completedJp) },
      );
    }
    const poor = members.find((m) => m.id === team.poor.id)!;
    expect(poor.trainingAssignments?.map((a) => [a.reason, a.sourceEventId, a.program.code]).sort()).toEqual([
      ['PERFORMANCE_GAP', finalizedEventId, 'KOM-EFEKTIF'],
      ['PERFORMANCE_GAP', finalizedEventId, 'PERENCANAAN-KINERJA'],
    ]);
    // Only the open one: the completed programme is in the learning hours, not in the ASSIGNED list.
    const good = members.find((m) => m.id === team.good.id)!;
    // The last recorded dialogue; the poor one's follow-up is only due, not recorded, so none shows.
    expect(good.lastDialogue).toEqual({
      kind: 'MONITORING',
      status: 'RECORDED',
      summary: 'Capaian triwulan dibahas bersama.',
      recordedBy: { id: supervisor.id },
    });
    expect(poor.lastDialogue).toBeNull();
    expect(good.trainingAssignments).toEqual([{ id: openManual, reason: 'MANUAL', sourceEventId: null, program: { code: 'HARMONI-KERJA', jpHours: 8 } }]);
  });

  it("has every dashboard field in the supergraph, feedback's included", async () => {
    const type = ok(await stack.gql(`{ __type(name: "Employee") { fields { name } } }`), '__type');
    const fields = type.fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual(
      expect.arrayContaining([
        'subordinates',
        'position',
        'orgUnit',
        'performancePlans',
        'latestAssessment',
        'feedbackRequests',
        'lastDialogue',
        'dialogues',
        'trainingAssignments',
        'learningHours',
      ]),
    );
  });

  describe('an HR admin of another agency', () => {
    let foreignHr: string;
    /** Nothing a dashboard shows about the team may appear in what the foreign HR admin gets. */
    const secrets = () => [
      team.poor.id,
      team.good.id,
      team.poor.name,
      team.good.name,
      team.poor.nip,
      team.good.nip,
      team.poor.planId,
      team.good.planId,
      openManual,
    ];
    const expectNothingOfTheTeam = (response: unknown) => {
      const text = JSON.stringify(response);
      for (const secret of secrets()) expect(text).not.toContain(secret);
    };

    beforeAll(async () => {
      foreignHr = await login(stack.url, { email: 'hr.sawahlunto@kinerja.demo' });
    });

    it("is refused the supervisor's team through the gateway", async () => {
      const response = await stack.gql(
        `query ($id: ID!, $year: Int!) { employee(id: $id) { id subordinates { ${DASHBOARD_FIELDS} } } }`,
        { id: supervisor.id, year },
        foreignHr,
      );
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(response.data?.['employee'] ?? null).toBeNull();
      expectNothingOfTheTeam(response.data);
    });

    it('is refused each subordinate with their plans, predikat, trainings and learning hours', async () => {
      for (const member of [team.poor, team.good]) {
        const response = await stack.gql(`query ($id: ID!, $year: Int!) { employee(id: $id) { ${DASHBOARD_FIELDS} } }`, { id: member.id, year }, foreignHr);
        expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
        expect(response.data?.['employee'] ?? null).toBeNull();
        expectNothingOfTheTeam(response.data);
      }
    });

    it("gets empty lists and nulls from performance's, feedback's and development's _entities for the team", async () => {
      const representations = [team.poor.id, team.good.id].map((id) => ({ __typename: 'Employee', id }));
      const performance = await graphql(
        stack.performance.url,
        `
          query ($r: [_Any!]!) {
            _entities(representations: $r) {
              ... on Employee {
                performancePlans {
                  id
                  status
                }
                latestAssessment {
                  predikat
                }
                predikatHistory {
                  id
                }
                developmentEvidence {
                  id
                }
              }
            }
          }
        `,
        { r: representations },
        foreignHr,
      );
      expect(performance.errors).toBeUndefined();
      expect(performance.data?.['_entities']).toEqual([
        { performancePlans: [], latestAssessment: null, predikatHistory: [], developmentEvidence: [] },
        { performancePlans: [], latestAssessment: null, predikatHistory: [], developmentEvidence: [] },
      ]);
      const development = await graphql(
        stack.development.url,
        `
          query ($r: [_Any!]!, $year: Int!) {
            _entities(representations: $r) {
              ... on Employee {
                trainingAssignments {
                  id
                }
                learningHours(year: $year) {
                  completed
                }
              }
            }
          }
        `,
        { r: representations, year },
        foreignHr,
      );
      expect(development.errors).toBeUndefined();
      expect(development.data?.['_entities']).toEqual([
        { trainingAssignments: null, learningHours: null },
        { trainingAssignments: null, learningHours: null },
      ]);
      const feedback = await graphql(
        stack.services['feedback']!.url,
        `
          query ($r: [_Any!]!) {
            _entities(representations: $r) {
              ... on Employee {
                feedbackRequests {
                  cycleId
                }
                lastDialogue {
                  id
                }
                dialogues {
                  id
                }
              }
            }
          }
        `,
        { r: representations },
        foreignHr,
      );
      expect(feedback.errors).toBeUndefined();
      expect(feedback.data?.['_entities']).toEqual([
        { feedbackRequests: null, lastDialogue: null, dialogues: null },
        { feedbackRequests: null, lastDialogue: null, dialogues: null },
      ]);
      expectNothingOfTheTeam([performance.data, development.data, feedback.data]);
    });
  });
});
