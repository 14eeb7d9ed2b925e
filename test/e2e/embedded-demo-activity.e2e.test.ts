import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type StartedEmbedded, startEmbedded, stopEmbedded as stop } from '../support/embedded';
import { graphql, login } from '../support/graphql-client';

const PORT_OFFSET = 400;
const URL = `http://127.0.0.1:${4000 + PORT_OFFSET}/graphql`;

const start = (dataDir: string, until?: string) => startEmbedded(dataDir, { portOffset: PORT_OFFSET, ...(until ? { until } : {}) });

/** The agencies' year is the calendar year in WIB (UTC+7), as the seeding reckons it. */
const CURRENT_YEAR = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
const PREVIOUS_YEAR = CURRENT_YEAR - 1;

const TEAM = `
  query ($year: Int!) {
    me {
      id
      agency { id }
      orgUnit { id }
      performancePlans { status period { year } }
      subordinates {
        id
        name
        latestAssessment { kind predikat behaviourGaps workResultGaps { title } period { year } }
        predikatHistory { predikat period { year } }
        performancePlans { status period { year } workResults { kind cascadedFrom { id } } }
        trainingAssignments { reason status sourceEventId completedOn program { id code } certificate { number jp } gaps { kind coreValue } }
        learningHours(year: $year) { completed }
      }
    }
  }
`;

interface Subordinate {
  id: string;
  name: string;
  latestAssessment: { kind: string; predikat: string; behaviourGaps: string[]; workResultGaps: { title: string }[]; period: { year: number } } | null;
  predikatHistory: { predikat: string; period: { year: number } }[];
  performancePlans: { status: string; period: { year: number }; workResults: { kind: string; cascadedFrom: { id: string } | null }[] }[];
  trainingAssignments: {
    reason: string;
    status: string;
    sourceEventId: string | null;
    completedOn: string | null;
    program: { id: string; code: string } | null;
    certificate: { number: string; jp: number } | null;
    gaps: { kind: string; coreValue: string | null }[];
  }[];
  learningHours: { completed: number };
}

interface DevelopmentEvidence {
  programId: string;
  programTitle: string;
  jp: number;
  competencies: string[];
  certificateNumber: string | null;
  completedAt: string;
}

/** Polls until `probe` answers: events between the embedded services arrive a moment after the request that caused them. */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start seeds demo activity through the graph on its first start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-demo-activity-'));
  let started: StartedEmbedded | undefined;

  beforeAll(async () => {
    // The first start answers from the banner on and says when the demo activity is recorded.
    started = await start(dataDir, 'Demo activity (');
  }, 120_000);

  afterAll(async () => {
    if (started && started.child.exitCode === null) await stop(started);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('says so after the banner, with the employees per predikat', () => {
    expect(started?.output()).toMatch(
      new RegExp(
        `Kinerja is up[\\s\\S]*Demo activity \\([0-9.]+ s\\): ${PREVIOUS_YEAR} closed and ${CURRENT_YEAR} open in every agency; ` +
          `${PREVIOUS_YEAR} assessed in siulak, muaratebo, tanjungpinang, sawahlunto, kotalama, demo\\n` +
          `  employees with a ${PREVIOUS_YEAR} predikat: 7 SANGAT_BAIK, 8 BAIK, 5 BUTUH_PERBAIKAN, 3 KURANG, 1 SANGAT_KURANG \\(1 curve break justified\\); ` +
          `7 rewards, 9 sanctions, [0-9]+ trainings assigned, [1-9][0-9]* certificates; 6 closed and 6 open 360° cycles, [0-9]+ dialogues\\n`,
      ),
    );
  });

  it('assessed every agency, all five predikat across the province, each curve matching its unit rating but one justified break', async () => {
    const slugs = ['siulak', 'muaratebo', 'tanjungpinang', 'sawahlunto', 'kotalama', 'demo'];
    const auditor = await login(URL, { email: 'auditor@kinerja.demo' });
    const seen = new Map<string, number>();
    const satisfied: Record<string, boolean> = {};
    for (const slug of slugs) {
      const supervisor = await login(URL, { email: `supervisor.${slug}@kinerja.demo` });
      const me = await graphql<{ me: { agency: { id: string }; orgUnit: { id: string } } }>(URL, '{ me { agency { id } orgUnit { id } } }', {}, supervisor);
      const { agency, orgUnit } = me.data!.me;
      const periods = await graphql<{ performancePeriods: { id: string; year: number; status: string }[] }>(
        URL,
        'query ($a: ID!) { performancePeriods(agencyId: $a) { id year status } }',
        { a: agency.id },
        auditor,
      );
      const previous = periods.data?.performancePeriods.find((period) => period.year === PREVIOUS_YEAR);
      expect(previous?.status).toBe('CLOSED');
      const distribution = await graphql<{
        orgUnit: { predikatDistribution: { assessed: number; satisfied: boolean; shares: { predikat: string; count: number }[] } };
      }>(
        URL,
        'query ($u: ID!, $p: ID!) { orgUnit(id: $u) { predikatDistribution(periodId: $p) { assessed satisfied shares { predikat count } } } }',
        { u: orgUnit.id, p: previous?.id },
        auditor,
      );
      expect(distribution.errors).toBeUndefined();
      const { predikatDistribution } = distribution.data!.orgUnit;
      expect(predikatDistribution.assessed).toBe(4);
      satisfied[slug] = predikatDistribution.satisfied;
      for (const share of predikatDistribution.shares) seen.set(share.predikat, (seen.get(share.predikat) ?? 0) + share.count);
    }
    expect(Object.fromEntries(seen)).toEqual({ SANGAT_BAIK: 7, BAIK: 8, BUTUH_PERBAIKAN: 5, KURANG: 3, SANGAT_KURANG: 1 });
    // Sawahlunto's unit is rated BUTUH_PERBAIKAN and its second SANGAT_BAIK was finalized with a justification.
    expect(satisfied).toEqual({ siulak: true, muaratebo: true, tanjungpinang: true, sawahlunto: false, kotalama: true, demo: true });
  });

  it('has a closed 360° with its aggregate, a request waiting for the demo employee, dialogues, and a hired CPNS with Latsar', async () => {
    const [supervisor, employee, hr] = await Promise.all(
      ['supervisor.siulak', 'employee.siulak', 'hr.siulak'].map((name) => login(URL, { email: `${name}@kinerja.demo` })),
    );
    const team = await graphql<{
      me: {
        subordinates: {
          id: string;
          dialogues: { kind: string; status: string }[];
          performancePlans: { period: { year: number }; feedbackAggregate: { cycleId: string } | null }[];
        }[];
      };
    }>(URL, '{ me { subordinates { id dialogues { kind status } performancePlans { period { year } feedbackAggregate { cycleId } } } } }', {}, supervisor);
    expect(team.errors).toBeUndefined();
    const subordinates = team.data!.me.subordinates;
    const cycleId = subordinates.flatMap((member) => member.performancePlans).find((plan) => plan.period.year === PREVIOUS_YEAR && plan.feedbackAggregate)
      ?.feedbackAggregate?.cycleId;
    const cycle = await graphql<{ feedbackCycle: { status: string; aggregate: { group: string }[] } }>(
      URL,
      'query ($id: ID!) { feedbackCycle(id: $id) { status aggregate { group value average } } }',
      { id: cycleId },
      supervisor,
    );
    expect(cycle.data?.feedbackCycle.status).toBe('CLOSED');
    expect(new Set(cycle.data?.feedbackCycle.aggregate.map((average) => average.group))).toEqual(new Set(['SUPERVISOR', 'PEER', 'SELF']));
    for (const member of subordinates) {
      expect(member.dialogues.filter((dialogue) => dialogue.kind === 'PLANNING')).toHaveLength(2);
    }
    expect(subordinates.flatMap((member) => member.dialogues).some((dialogue) => dialogue.kind === 'FOLLOW_UP' && dialogue.status !== 'DUE')).toBe(true);

    const requests = await graphql<{ me: { feedbackRequests: { group: string }[] } }>(URL, '{ me { feedbackRequests { group } } }', {}, employee);
    expect(requests.data?.me.feedbackRequests).toEqual([{ group: 'SUBORDINATE' }]);

    const hrMe = await graphql<{ me: { agency: { id: string } } }>(URL, '{ me { agency { id } } }', {}, hr);
    const latsar = await graphql<{ agencyTrainingAssignments: { edges: { node: { reason: string; employee: { employmentType: string } } }[] } }>(
      URL,
      'query ($a: ID!) { agencyTrainingAssignments(agencyId: $a, first: 200) { edges { node { reason employee { employmentType } } } } }',
      { a: hrMe.data?.me.agency.id },
      hr,
    );
    expect(latsar.errors).toBeUndefined();
    expect(latsar.data?.agencyTrainingAssignments.edges.map((edge) => edge.node)).toContainEqual({
      reason: 'LATSAR_CPNS',
      employee: { employmentType: 'CPNS' },
    });
  });

  it("shows the Siulak supervisor's team with last year's predikat, its trainings and certificate", async () => {
    const supervisor = await login(URL, { email: 'supervisor.siulak@kinerja.demo' });
    const response = await graphql<{
      me: { agency: { id: string }; orgUnit: { id: string }; performancePlans: { status: string; period: { year: number } }[]; subordinates: Subordinate[] };
    }>(URL, TEAM, { year: CURRENT_YEAR }, supervisor);
    expect(response.errors).toBeUndefined();
    const me = response.data!.me;
    const team = me.subordinates;
    expect(team.length).toBeGreaterThanOrEqual(2);

    // Last year: every subordinate assessed, annually, in the predikat history.
    for (const member of team) {
      expect(member.latestAssessment).toMatchObject({ kind: 'ANNUAL', period: { year: PREVIOUS_YEAR } });
      expect(member.predikatHistory.map((entry) => entry.period.year)).toContain(PREVIOUS_YEAR);
    }
    const poor = team.find((member) => member.latestAssessment?.predikat === 'BUTUH_PERBAIKAN');
    expect(poor?.latestAssessment?.behaviourGaps).toEqual(['KOLABORATIF']);
    expect(poor?.latestAssessment?.workResultGaps).toHaveLength(1);
    expect(team.some((member) => member.latestAssessment?.predikat === 'BAIK')).toBe(true);

    // This year: the supervisor's own SKP a draft, the team's submitted and approved, cascading from it.
    expect(me.performancePlans).toEqual([{ status: 'DRAFT', period: { year: CURRENT_YEAR } }]);
    const current = team.map((member) => member.performancePlans.find((plan) => plan.period.year === CURRENT_YEAR));
    expect(current.map((plan) => plan?.status).sort()).toEqual(['APPROVED', 'SUBMITTED']);
    for (const plan of current) expect(plan?.workResults.filter((w) => w.kind === 'MAIN').every((w) => w.cascadedFrom !== null)).toBe(true);

    // Development acted on the poor rating's event: one programme per gap, one of them passed.
    const assignments = team.flatMap((member) => member.trainingAssignments);
    const caused = assignments.filter((assignment) => assignment.reason === 'PERFORMANCE_GAP');
    expect(caused.length).toBeGreaterThanOrEqual(2);
    expect(caused.every((assignment) => assignment.sourceEventId)).toBe(true);
    expect(caused.flatMap((assignment) => assignment.gaps.map((gap) => gap.coreValue ?? gap.kind))).toEqual(
      expect.arrayContaining(['KOLABORATIF', 'WORK_RESULT']),
    );
    const completed = assignments.find((assignment) => assignment.status === 'COMPLETED' && assignment.certificate);
    expect(completed?.program?.code).toBe('KOM-EFEKTIF');
    expect(poor?.learningHours.completed).toBeGreaterThan(0);

    // development.training.completed reached performance: the passed training is development evidence of its holder.
    const holder = team.find((member) => member.trainingAssignments.includes(completed!));
    expect(holder?.id).toBe(poor?.id);
    const evidence = await eventually(async () => {
      const result = await graphql<{ employee: { developmentEvidence: DevelopmentEvidence[] } }>(
        URL,
        'query ($id: ID!) { employee(id: $id) { developmentEvidence { programId programTitle jp competencies certificateNumber completedAt } } }',
        { id: holder?.id },
        supervisor,
      );
      expect(result.errors).toBeUndefined();
      const found = result.data?.employee.developmentEvidence ?? [];
      return found.length > 0 ? found : undefined;
    });
    expect(evidence).toEqual([
      expect.objectContaining({
        programId: completed?.program?.id,
        jp: completed?.certificate?.jp,
        certificateNumber: completed?.certificate?.number,
        completedAt: expect.stringMatching(new RegExp(`^${completed?.completedOn}`)),
      }),
    ]);
    expect(evidence?.[0]?.competencies.length).toBeGreaterThan(0);

    // Anyone can check the certificate, without signing in.
    const verified = await graphql(URL, 'query ($n: String!) { verifyCertificate(number: $n) { valid programTitle jp } }', {
      n: completed?.certificate?.number,
    });
    expect(verified.data?.['verifyCertificate']).toMatchObject({ valid: true, jp: expect.any(Number) });

    // The unit's distribution for last year counts the predikat against its rating (BAIK), the year closed.
    const hr = await login(URL, { email: 'hr.siulak@kinerja.demo' });
    const periods = await graphql<{ performancePeriods: { id: string; year: number; status: string }[] }>(
      URL,
      'query ($a: ID!) { performancePeriods(agencyId: $a) { id year status } }',
      { a: me.agency.id },
      hr,
    );
    const previous = periods.data?.performancePeriods.find((period) => period.year === PREVIOUS_YEAR);
    expect(previous?.status).toBe('CLOSED');
    expect(periods.data?.performancePeriods.find((period) => period.year === CURRENT_YEAR)?.status).toBe('OPEN');
    const distribution = await graphql<{
      orgUnit: { predikatDistribution: { unitRating: string; assessed: number; satisfied: boolean; shares: { predikat: string; count: number }[] } };
    }>(
      URL,
      'query ($u: ID!, $p: ID!) { orgUnit(id: $u) { predikatDistribution(periodId: $p) { unitRating assessed satisfied shares { predikat count } } } }',
      { u: me.orgUnit.id, p: previous?.id },
      hr,
    );
    expect(distribution.errors).toBeUndefined();
    const { predikatDistribution } = distribution.data!.orgUnit;
    expect(predikatDistribution).toMatchObject({ unitRating: 'BAIK', satisfied: true });
    expect(predikatDistribution.assessed).toBeGreaterThanOrEqual(2);
    const count = (predikat: string) => predikatDistribution.shares.find((share) => share.predikat === predikat)?.count ?? 0;
    expect(count('BAIK')).toBeGreaterThanOrEqual(1);
    expect(count('BUTUH_PERBAIKAN')).toBeGreaterThanOrEqual(1);
  });

  it('opens the years in the other agencies too, and seeds nothing again on a restart', async () => {
    const hr = await login(URL, { email: 'hr.tanjungpinang@kinerja.demo' });
    const me = await graphql<{ me: { agency: { id: string } } }>(URL, '{ me { agency { id } } }', {}, hr);
    const periods = await graphql<{ performancePeriods: { year: number; status: string }[] }>(
      URL,
      'query ($a: ID!) { performancePeriods(agencyId: $a) { year status } }',
      { a: me.data?.me.agency.id },
      hr,
    );
    expect(periods.data?.performancePeriods).toEqual([
      { year: CURRENT_YEAR, status: 'OPEN' },
      { year: PREVIOUS_YEAR, status: 'CLOSED' },
    ]);

    expect(await stop(started!)).toBe(0);
    started = await start(dataDir);
    expect(started.output()).not.toContain('Demo activity');
    const again = await graphql<{ performancePeriods: unknown[] }>(
      URL,
      'query ($a: ID!) { performancePeriods(agencyId: $a) { id } }',
      { a: me.data?.me.agency.id },
      await login(URL, { email: 'hr.tanjungpinang@kinerja.demo' }),
    );
    expect(again.data?.performancePeriods).toHaveLength(2);
  }, 120_000);
});
