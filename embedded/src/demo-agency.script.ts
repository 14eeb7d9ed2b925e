import { DemoActivityError, type Gateway, login, op, type Session, waitUntil } from './demo-activity.client';
import {
  ACHIEVEMENT,
  behaviourRatings,
  FALLBACK_PLAN,
  type IndicatorTemplate,
  type Outcome,
  OUTCOMES,
  PLANS,
  quarterValues,
  type UnitRating,
  type WorkResultTemplate,
} from './demo-activity.templates';

/*
 * One agency's demo year, run by its HR admin, the demo supervisor and their two staff through the
 * gateway (see seed-demo-activity.ts for the whole story).
 */

interface Period {
  id: string;
  year: number;
  subPeriods: { id: string; index: number }[];
}

interface PlanDraft {
  planId: string;
  workResults: { id: string; template: WorkResultTemplate; indicators: { id: string; template: IndicatorTemplate }[] }[];
}

interface Holder {
  id: string;
  nip: string;
  email: string | null;
  position: { title: string };
}

interface Person {
  id: string;
  nip: string;
  title: string;
  session: Session;
}

/** A staff member's two years: how the last one went, and where this year's SKP stands. */
interface Member {
  person: Person;
  outcome: Outcome;
  currentPlan: 'SUBMITTED' | 'APPROVED';
}

/** What an agency with activity gets. */
export interface AgencyScript {
  slug: string;
  unitRating: UnitRating;
  demoEmployee: Outcome;
}

/**
 * The agencies whose demo team goes through the previous year, in order of priority. Only Siulak:
 * each further agency adds about 1.5 s to the first start (see the note at the top).
 */
export const ACTIVITY: AgencyScript[] = [{ slug: 'siulak', unitRating: 'BAIK', demoEmployee: OUTCOMES.baik }];

const PERIOD_FIELDS = 'id year subPeriods { id index }';
const HOLDER = 'id nip email position { title }';
const TEAM_QUERY = `{ me { id nip position { title } orgUnit { id positions { holder { id } } } subordinates { ${HOLDER} } } }`;
const JUSTIFICATION =
  'Capaian individu sesuai target SKP yang disepakati; kendala unit berasal dari anggaran yang terlambat cair, bukan dari kinerja pegawai ini.';

interface TeamView {
  id: string;
  nip: string;
  position: { title: string };
  orgUnit: { id: string; positions: { holder: { id: string } | null }[] };
  subordinates: Holder[];
}

export class Counters {
  plans = 0;
  realizations = 0;
  justified = 0;
  assignments = 0;
  certificates = 0;
  assessments: Record<string, number> = {};
}

/** HR opens the previous and the current year, with quarters. */
export async function openYears(gateway: Gateway, hr: Session, years: readonly number[]): Promise<Period[]> {
  const periods = await gateway.mutate<Period>(
    hr.token,
    years.map((year) =>
      op('createPerformancePeriod', { input: ['CreatePerformancePeriodInput!', { agencyId: hr.agencyId, year, cadence: 'QUARTERLY' }] }, PERIOD_FIELDS),
    ),
  );
  if (periods.length !== years.length) throw new DemoActivityError('the periods were not opened');
  return periods;
}

export async function closeYear(gateway: Gateway, hr: Session, period: Period): Promise<void> {
  await gateway.request('mutation ($id: ID!) { closePerformancePeriod(id: $id) { id status } }', { id: period.id }, hr.token);
}

export class AgencyActivity {
  constructor(
    private readonly gateway: Gateway,
    private readonly counters: Counters,
    private readonly script: AgencyScript,
    private readonly years: { previous: number; current: number },
    private readonly today: string,
  ) {}

  private markLoggedIn: () => void = () => undefined;
  /** Once everyone has logged in: from then on, logins elsewhere no longer delay this agency. */
  readonly loggedIn = new Promise<void>((resolve) => (this.markLoggedIn = resolve));

  async run(): Promise<void> {
    const { gateway } = this;
    const { slug } = this.script;
    // The demo employee logs in by e-mail; their colleague by NIP, once the supervisor's team names them.
    const [hr, supervisorSession, demoSession] = await Promise.all(
      ['hr', 'supervisor', 'employee'].map((role) => login(gateway, { email: `${role}.${slug}@kinerja.demo` })),
    );
    if (!hr || !supervisorSession || !demoSession) throw new DemoActivityError(`the ${slug} demo accounts did not log in`);
    const [[previous, current], view] = await Promise.all([
      openYears(gateway, hr, [this.years.previous, this.years.current]),
      gateway.request<{ me: TeamView }>(TEAM_QUERY, {}, supervisorSession.token).then((data) => data.me),
    ]);
    if (!previous || !current) throw new DemoActivityError('the periods were not opened');
    const demoEmployee = view.subordinates.find((holder) => holder.email === `employee.${slug}@kinerja.demo`);
    const colleague = view.subordinates.find((holder) => holder !== demoEmployee);
    if (!demoEmployee || !colleague) throw new DemoActivityError(`the ${slug} demo supervisor does not have the two staff expected`);
    const holders = view.orgUnit.positions.filter((position) => position.holder).length;
    const [other] = await Promise.all([this.person(colleague), this.copiesArrived(hr, view.orgUnit.id, holders, previous.id)]);
    this.markLoggedIn();
    const demo: Person = { id: demoEmployee.id, nip: demoEmployee.nip, title: demoEmployee.position.title, session: demoSession };
    const supervisor: Person = { id: view.id, nip: view.nip, title: view.position.title, session: supervisorSession };
    // First the poor rating: a unit rated BAIK wants one, so no later finalization breaks its curve.
    const members: Member[] = [
      { person: other, outcome: OUTCOMES.butuhPerbaikan, currentPlan: 'SUBMITTED' },
      { person: demo, outcome: this.script.demoEmployee, currentPlan: 'APPROVED' },
    ];

    // SKPs: the supervisor's draft of this year first, since the staff's RHKs cascade from it.
    const [leadDraft] = await this.draftPlans(supervisor, [current], [], false);
    const plans = await Promise.all(members.map((member) => this.draftPlans(member.person, [previous, current], [undefined, leadDraft], true)));
    await this.approve(
      supervisorSession,
      members.flatMap((member, m) => (member.currentPlan === 'APPROVED' ? (plans[m] ?? []) : (plans[m] ?? []).slice(0, 1))),
    );

    await Promise.all([
      this.rateUnit(hr, view.orgUnit.id, previous.id),
      ...members.map((member, m) => this.report(member.person, plans[m]?.[0], previous.subPeriods, member.outcome)),
    ]);
    // One after the other: each finalization checks the unit's curve against the ones before it.
    for (const [m, member] of members.entries()) await this.finalize(supervisorSession, plans[m]?.[0], previous.id, member.outcome);
    await closeYear(gateway, hr, previous);

    await this.followUpTrainings(
      hr,
      members.filter((member) => member.outcome.predikat === 'BUTUH_PERBAIKAN').map((member) => member.person.id),
    );
  }

  private async person(holder: Holder): Promise<Person> {
    return { id: holder.id, nip: holder.nip, title: holder.position.title, session: await login(this.gateway, { nip: holder.nip }) };
  }

  /** identity's employee snapshots have reached performance's copy (the reporting line) before anyone plans. */
  private copiesArrived(hr: Session, orgUnitId: string, holders: number, periodId: string): Promise<number> {
    return waitUntil(`performance's copy of the ${this.script.slug} employees`, async () => {
      const data = await this.gateway.request<{ orgUnit: { predikatDistribution: { headcount: number } } }>(
        'query ($u: ID!, $p: ID!) { orgUnit(id: $u) { predikatDistribution(periodId: $p) { headcount } } }',
        { u: orgUnitId, p: periodId },
        hr.token,
      );
      return data.orgUnit.predikatDistribution.headcount >= holders ? holders : null;
    });
  }

  /**
   * The employee's SKPs for the given years: created, the RHKs added (the MAIN ones cascading from
   * the supervisor's SKP of the same year, when given), then the indicators, and submitted when asked.
   */
  private async draftPlans(person: Person, periods: readonly Period[], parents: readonly (PlanDraft | undefined)[], submit: boolean): Promise<PlanDraft[]> {
    const { gateway } = this;
    const token = person.session.token;
    const templates = PLANS[person.title] ?? FALLBACK_PLAN;
    const plans = await gateway.mutate<{ id: string }>(
      token,
      periods.map((period) => op('createPerformancePlan', { input: ['CreatePerformancePlanInput!', { periodId: period.id }] }, 'id')),
    );
    this.counters.plans += plans.length;
    const workResults = await gateway.mutate<{ id: string }>(
      token,
      plans.flatMap((plan, p) => {
        const parentMains = parents[p]?.workResults.filter((w) => w.template.kind === 'MAIN') ?? [];
        return templates.map((template, w) => {
          const parent = template.kind === 'MAIN' ? parentMains[w] : undefined;
          const input = { planId: plan.id, kind: template.kind, title: template.title, cascadedFromWorkResultId: parent?.id ?? null };
          return op('addWorkResult', { input: ['AddWorkResultInput!', input] }, 'id');
        });
      }),
    );
    const drafts: PlanDraft[] = plans.map((plan, p) => ({
      planId: plan.id,
      workResults: templates.map((template, w) => ({ id: workResults[p * templates.length + w]?.id ?? '', template, indicators: [] })),
    }));
    const targets = drafts.flatMap((draft) =>
      draft.workResults.flatMap((workResult) => workResult.template.indicators.map((template) => ({ workResult, template }))),
    );
    const indicators = await gateway.mutate<{ id: string }>(token, [
      ...targets.map(({ workResult, template }) =>
        op('addIndicator', { input: ['AddIndicatorInput!', { workResultId: workResult.id, lowerIsBetter: false, ...template }] }, 'id'),
      ),
      // In the same request: GraphQL runs mutations in order, so after the indicators.
      ...(submit ? drafts.map((draft) => op('submitPerformancePlan', { planId: ['ID!', draft.planId] }, 'id status')) : []),
    ]);
    targets.forEach(({ workResult, template }, i) => workResult.indicators.push({ id: indicators[i]?.id ?? '', template }));
    return drafts;
  }

  private async approve(supervisor: Session, plans: readonly PlanDraft[]): Promise<void> {
    await this.gateway.mutate(
      supervisor.token,
      plans.map((plan) => op('approvePerformancePlan', { planId: ['ID!', plan.planId] }, 'id status')),
    );
  }

  /** The employee reports each indicator for each quarter, with a link to the evidence, in one request. */
  private async report(person: Person, plan: PlanDraft | undefined, quarters: Period['subPeriods'], outcome: Outcome): Promise<void> {
    const ops = (plan?.workResults ?? []).flatMap((workResult, w) => {
      const band = outcome.results[w] ?? 'MEETS';
      return workResult.indicators.flatMap((indicator, i) => {
        // A little variation inside the band, never across a threshold.
        const factor = ACHIEVEMENT[band] + (band === 'MEETS' ? (w % 3) * 0.02 - 0.02 : 0);
        const values = quarterValues(
          indicator.template,
          factor,
          quarters.map((quarter) => quarter.index),
        );
        return quarters.map((quarter, q) => {
          const evidenceUrl = `https://bukti.kinerja.demo/${this.script.slug}/${this.years.previous}/${person.nip}/rhk${w + 1}-ik${i + 1}-tw${quarter.index}.pdf`;
          const input = { indicatorId: indicator.id, periodId: quarter.id, value: values[q] ?? 0, evidenceUrl, note: null };
          return op('reportRealization', { input: ['ReportRealizationInput!', input] }, 'id');
        });
      });
    });
    await this.gateway.mutate(person.session.token, ops);
    this.counters.realizations += ops.length;
  }

  private async rateUnit(hr: Session, orgUnitId: string, periodId: string): Promise<void> {
    await this.gateway.request(
      'mutation ($input: SetUnitRatingInput!) { setUnitRating(input: $input) { id rating } }',
      { input: { orgUnitId, periodId, rating: this.script.unitRating } },
      hr.token,
    );
  }

  /** The direct supervisor finalizes; when the unit's curve would break, they justify it, as the agency's WARN setting asks. */
  private async finalize(assessor: Session, plan: PlanDraft | undefined, periodId: string, outcome: Outcome): Promise<void> {
    if (!plan) return;
    const input = {
      planId: plan.planId,
      periodId,
      workResultRating: outcome.workResultRating,
      behaviourRating: outcome.behaviourRating,
      behaviourRatings: behaviourRatings(outcome),
      feedback: outcome.feedback,
    };
    const finalize = (justification: string | null) =>
      this.gateway.request<{ finalizeAssessment: { predikat: string } }>(
        'mutation ($input: FinalizeAssessmentInput!) { finalizeAssessment(input: $input) { id predikat curveWarning } }',
        { input: { ...input, justification } },
        assessor.token,
      );
    let result;
    try {
      result = await finalize(null);
    } catch (error) {
      if (!(error instanceof DemoActivityError && error.code === 'BAD_USER_INPUT' && error.field === 'input.justification')) throw error;
      result = await finalize(JUSTIFICATION);
      this.counters.justified += 1;
    }
    const { predikat } = result.finalizeAssessment;
    if (predikat !== outcome.predikat) throw new DemoActivityError(`expected ${outcome.predikat}, the matrix gave ${predikat}`);
    this.counters.assessments[predikat] = (this.counters.assessments[predikat] ?? 0) + 1;
  }

  /** Development assigns the poor ratings' programmes from performance's event; HR passes one and starts the other. */
  private async followUpTrainings(hr: Session, employeeIds: readonly string[]): Promise<void> {
    const { gateway } = this;
    const assigned = await waitUntil(`development's assignments in ${this.script.slug}`, async () => {
      // One page is enough: the demo agency's first start has only these few assignments.
      const data = await gateway.request<{
        agencyTrainingAssignments: { edges: { node: { id: string; reason: string; employee: { id: string }; program: { code: string } | null } }[] };
      }>(
        'query ($a: ID!) { agencyTrainingAssignments(agencyId: $a, status: ASSIGNED, first: 200) { edges { node { id reason employee { id } program { code } } } } }',
        { a: hr.agencyId },
        hr.token,
      );
      const caused = data.agencyTrainingAssignments.edges
        .map((edge) => edge.node)
        .filter((a) => employeeIds.includes(a.employee.id) && a.reason === 'PERFORMANCE_GAP');
      // One programme per gap: Kolaboratif and the MAIN result rated BELOW.
      return caused.length >= 2 * employeeIds.length ? caused : null;
    });
    this.counters.assignments += assigned.length;
    const results = await gateway.mutate<{ certificate?: { number: string } | null }>(
      hr.token,
      assigned.map((assignment) =>
        assignment.program?.code === 'KOM-EFEKTIF'
          ? op(
              'recordTrainingCompletion',
              { input: ['RecordTrainingCompletionInput!', { assignmentId: assignment.id, result: 'PASSED', completedOn: this.today }] },
              'id status certificate { number }',
            )
          : op('startTraining', { assignmentId: ['ID!', assignment.id] }, 'id status'),
      ),
    );
    this.counters.certificates += results.filter((result) => result.certificate?.number).length;
  }
}
