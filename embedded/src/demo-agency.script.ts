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
  /** Their direct supervisor, who approves their SKP and assesses them. */
  lead: Person;
  outcome: Outcome;
  currentPlan: 'SUBMITTED' | 'APPROVED';
  demo: boolean;
}

/** What an agency with activity gets. */
export interface AgencyScript {
  slug: string;
  unitRating: UnitRating;
  /**
   * Last year's outcomes of the four staff of Dinas Pendidikan — the demo supervisor's two, then
   * the two of the other head of division — in the order they are finalized (each finalization
   * checks the unit's curve against the ones before it).
   */
  outcomes: Outcome[];
  /** Which of them is the demo employee's (`employee.<agency>`); the others go to the demo supervisor's other staff member first, then to the other team by position title. */
  demoAt: number;
}

const { sangatBaik: SB, baik: B, butuhPerbaikan: BP, kurang: K, sangatKurang: SK } = OUTCOMES;

/**
 * Every agency's demo team goes through the previous year. Together they give the province all
 * five predikat. Each unit's curve is met with 4 of DISDIK's 7 holders assessed (units rated
 * ISTIMEWA or BAIK: the minimums of the poorer ratings need more than 4 of 7), except
 * Sawahlunto's: a unit rated BUTUH_PERBAIKAN allows one SANGAT_BAIK (10%, at least one), and its
 * demo employee is the second, finalized with a justification (the agency's WARN setting).
 */
export const ACTIVITY: AgencyScript[] = [
  { slug: 'siulak', unitRating: 'BAIK', outcomes: [BP, B, B, SB], demoAt: 1 },
  { slug: 'muaratebo', unitRating: 'ISTIMEWA', outcomes: [SB, SB, B, B], demoAt: 2 },
  { slug: 'tanjungpinang', unitRating: 'BAIK', outcomes: [K, SK, B, SB], demoAt: 2 },
  { slug: 'sawahlunto', unitRating: 'BUTUH_PERBAIKAN', outcomes: [BP, BP, SB, SB], demoAt: 3 },
  { slug: 'kotalama', unitRating: 'BAIK', outcomes: [K, K, BP, B], demoAt: 3 },
  { slug: 'demo', unitRating: 'BAIK', outcomes: [BP, B, B, SB], demoAt: 1 },
];

const POOR: readonly string[] = ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

const PERIOD_FIELDS = 'id year subPeriods { id index }';
const HOLDER = 'id nip email position { title }';
const TEAM_QUERY = `{ me { id nip position { title } orgUnit { id positions { holder { ${HOLDER} subordinates { ${HOLDER} } } } } subordinates { ${HOLDER} } } }`;
const JUSTIFICATION =
  'Capaian individu melampaui target SKP yang disepakati dengan bukti dukung lengkap; rendahnya predikat unit berasal dari anggaran yang terlambat cair, bukan dari kinerja pegawai ini.';

interface TeamView {
  id: string;
  nip: string;
  position: { title: string };
  orgUnit: { id: string; positions: { holder: (Holder & { subordinates: Holder[] }) | null }[] };
  subordinates: Holder[];
}

export class Counters {
  plans = 0;
  dialogues = 0;
  feedbackCycles = { closed: 0, open: 0 };
  rewards = 0;
  sanctions = 0;
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
    const { gateway, script } = this;
    const { slug } = script;
    const [hr, supervisorSession, demoSession] = await Promise.all(
      ['hr', 'supervisor', 'employee'].map((role) => login(gateway, { email: `${role}.${slug}@kinerja.demo` })),
    );
    if (!hr || !supervisorSession || !demoSession) throw new DemoActivityError(`the ${slug} demo accounts did not log in`);
    const [[previous, current], view] = await Promise.all([
      openYears(gateway, hr, [this.years.previous, this.years.current]),
      gateway.request<{ me: TeamView }>(TEAM_QUERY, {}, supervisorSession.token).then((data) => data.me),
    ]);
    if (!previous || !current) throw new DemoActivityError('the periods were not opened');
    // The demo employee logs in by e-mail; their colleagues and the other head of division by NIP.
    const demoEmployee = view.subordinates.find((holder) => holder.email === `employee.${slug}@kinerja.demo`);
    const colleague = view.subordinates.find((holder) => holder !== demoEmployee);
    const otherLead = view.orgUnit.positions
      .map((position) => position.holder)
      .find((holder) => holder && holder.id !== view.id && holder.subordinates.length > 0 && !holder.subordinates.some((s) => s.id === view.id));
    const otherStaff = [...(otherLead?.subordinates ?? [])].sort((a, b) => a.position.title.localeCompare(b.position.title));
    if (!demoEmployee || !colleague || !otherLead || otherStaff.length + 2 < script.outcomes.length) {
      throw new DemoActivityError(`the ${slug} demo unit does not have the ${script.outcomes.length} staff expected`);
    }
    const holders = view.orgUnit.positions.filter((position) => position.holder).length;
    const [[other, otherLeadPerson, ...otherTeam]] = await Promise.all([
      Promise.all([colleague, otherLead, ...otherStaff.slice(0, script.outcomes.length - 2)].map((holder) => this.person(holder))),
      this.copiesArrived(hr, view.orgUnit.id, holders, previous.id),
    ]);
    if (!other || !otherLeadPerson) throw new DemoActivityError(`the ${slug} demo staff did not log in`);
    this.markLoggedIn();
    const demo: Person = { id: demoEmployee.id, nip: demoEmployee.nip, title: demoEmployee.position.title, session: demoSession };
    const supervisor: Person = { id: view.id, nip: view.nip, title: view.position.title, session: supervisorSession };
    // In the order of finalization.
    const queue: [Person, Person][] = [[other, supervisor], ...otherTeam.map((person): [Person, Person] => [person, otherLeadPerson])];
    const members: Member[] = script.outcomes.map((outcome, i) => {
      const isDemo = i === script.demoAt;
      const [person, lead] = isDemo ? [demo, supervisor] : (queue.shift() ?? []);
      if (!person || !lead) throw new DemoActivityError(`no colleague left for outcome ${i} in ${slug}`);
      // This year: the demo employee's SKP and the other team's first are approved; their colleagues' wait for approval.
      return { person, lead, outcome, demo: isDemo, currentPlan: isDemo || person === otherTeam[0] ? 'APPROVED' : 'SUBMITTED' };
    });
    // SKPs: the supervisor's draft of this year first, since their staff's RHKs cascade from it.
    const [leadDraft] = await this.draftPlans(supervisor, [current], [], false);
    // The planning dialogues of both years come before the SKPs are approved (performance shows them at approval).
    await Promise.all(
      [supervisor, otherLeadPerson].map((lead) =>
        this.planningDialogues(
          lead,
          members.filter((member) => member.lead === lead),
          [previous.year, current.year],
        ),
      ),
    );
    const plans = await Promise.all(
      members.map((member) => this.draftPlans(member.person, [previous, current], [undefined, member.lead === supervisor ? leadDraft : undefined], true)),
    );
    await Promise.all(
      [supervisor, otherLeadPerson].map((lead) =>
        this.approve(
          lead.session,
          members.flatMap((member, m) => (member.lead !== lead ? [] : member.currentPlan === 'APPROVED' ? (plans[m] ?? []) : (plans[m] ?? []).slice(0, 1))),
        ),
      ),
    );

    await Promise.all([
      this.rateUnit(hr, view.orgUnit.id, previous.id),
      ...members.map((member, m) => this.report(member.person, plans[m]?.[0], previous.subPeriods, member.outcome)),
      // Last year's 360° of the demo supervisor's other staff member, closed before they are assessed: its aggregate shows beside the behaviour rating.
      this.closedFeedbackCycle(hr, supervisor, members, previous.id),
      // This year's 360° of the demo supervisor, opened by HR: their colleague and the other head of division answered, the demo employee's request waits.
      this.openFeedbackCycle(hr, supervisor, [other, otherLeadPerson], current.id),
    ]);
    // One after the other: each finalization checks the unit's curve against the ones before it.
    const assessments: string[] = [];
    for (const [m, member] of members.entries()) assessments.push(await this.finalize(member.lead.session, plans[m]?.[0], previous.id, member.outcome));
    await this.followUps(hr, members, assessments);
    await closeYear(gateway, hr, previous);

    const poor = members.filter((member) => POOR.includes(member.outcome.predikat));
    await Promise.all([
      this.followUpTrainings(hr, poor),
      ...[supervisor, otherLeadPerson].map((lead) =>
        this.followUpDialogues(
          lead,
          poor.filter((member) => member.lead === lead),
        ),
      ),
    ]);
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
  private async finalize(assessor: Session, plan: PlanDraft | undefined, periodId: string, outcome: Outcome): Promise<string> {
    if (!plan) throw new DemoActivityError('no plan to assess');
    const input = {
      planId: plan.planId,
      periodId,
      workResultRating: outcome.workResultRating,
      behaviourRating: outcome.behaviourRating,
      behaviourRatings: behaviourRatings(outcome),
      feedback: outcome.feedback,
    };
    const finalize = (justification: string | null) =>
      this.gateway.request<{ finalizeAssessment: { id: string; predikat: string } }>(
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
    const { id, predikat } = result.finalizeAssessment;
    if (predikat !== outcome.predikat) throw new DemoActivityError(`expected ${outcome.predikat}, the matrix gave ${predikat}`);
    this.counters.assessments[predikat] = (this.counters.assessments[predikat] ?? 0) + 1;
    return id;
  }

  /**
   * HR's follow-up that rests on the finalized assessments: a bonus recommendation for SANGAT_BAIK,
   * coaching for BUTUH_PERBAIKAN, a referral to the discipline procedure for KURANG and SANGAT_KURANG.
   */
  private async followUps(hr: Session, members: readonly Member[], assessments: readonly string[]): Promise<void> {
    const ops = members.flatMap((member, m) => {
      const base = { employeeId: member.person.id, assessmentId: assessments[m] ?? null };
      switch (member.outcome.predikat) {
        case 'SANGAT_BAIK':
          return [
            op(
              'grantReward',
              {
                input: [
                  'GrantRewardInput!',
                  {
                    ...base,
                    kind: 'PERFORMANCE_BONUS_RECOMMENDATION',
                    note: `Predikat SANGAT BAIK tahun ${this.years.previous}: direkomendasikan untuk tunjangan kinerja tambahan.`,
                  },
                ],
              },
              'id',
            ),
          ];
        case 'BUTUH_PERBAIKAN':
          return [
            op(
              'issueSanction',
              {
                input: [
                  'IssueSanctionInput!',
                  { ...base, kind: 'COACHING', note: 'Pembinaan oleh atasan langsung: coaching kinerja bulanan selama satu semester.' },
                ],
              },
              'id',
            ),
          ];
        case 'KURANG':
        case 'SANGAT_KURANG':
          return [
            op(
              'issueSanction',
              {
                input: [
                  'IssueSanctionInput!',
                  {
                    ...base,
                    kind: 'DISCIPLINE_REFERRAL',
                    note: `Predikat ${member.outcome.predikat.replace('_', ' ')}: dirujuk ke proses hukuman disiplin sesuai PP 94/2021.`,
                  },
                ],
              },
              'id',
            ),
          ];
        default:
          return [];
      }
    });
    await this.gateway.mutate(hr.token, ops);
    this.counters.rewards += ops.filter((entry) => entry.field === 'grantReward').length;
    this.counters.sanctions += ops.filter((entry) => entry.field === 'issueSanction').length;
  }

  /** The supervisor's planning dialogue with each of the team, for each year; the demo employee acknowledges theirs. */
  private async planningDialogues(supervisor: Person, members: readonly Member[], years: readonly number[]): Promise<void> {
    const recorded = await this.gateway.mutate<{ id: string }>(
      supervisor.session.token,
      years.flatMap((year) =>
        members.map((member) =>
          op(
            'recordDialogue',
            {
              input: [
                'RecordDialogueInput!',
                {
                  employeeId: member.person.id,
                  kind: 'PLANNING',
                  date: `${year}-01-${String(10 + members.indexOf(member)).padStart(2, '0')}`,
                  summary: `Dialog perencanaan SKP ${year}: rencana hasil kerja diselaraskan dengan sasaran bidang.`,
                  agreements: 'Target dan indikator disepakati; realisasi dilaporkan setiap triwulan dengan bukti dukung.',
                },
              ],
            },
            'id',
          ),
        ),
      ),
    );
    this.counters.dialogues += recorded.length;
    const demoIndex = members.findIndex((member) => member.demo);
    const demo = members[demoIndex];
    const own = years.map((_, y) => recorded[y * members.length + demoIndex]?.id).filter((id): id is string => Boolean(id));
    if (demo)
      await this.gateway.mutate(
        demo.person.session.token,
        own.map((id) => op('acknowledgeDialogue', { dialogueId: ['ID!', id] }, 'id status')),
      );
  }

  /** The follow-up dialogue each poor rating made due, recorded today. */
  private async followUpDialogues(supervisor: Person, poor: readonly Member[]): Promise<void> {
    const recorded = await this.gateway.mutate(
      supervisor.session.token,
      poor.map((member) =>
        op(
          'recordDialogue',
          {
            input: [
              'RecordDialogueInput!',
              {
                employeeId: member.person.id,
                kind: 'FOLLOW_UP',
                date: this.today,
                summary: `Tindak lanjut predikat ${member.outcome.predikat.replace('_', ' ')} tahun ${this.years.previous}: hasil penilaian dan umpan balik dibahas bersama.`,
                agreements: 'Mengikuti pelatihan yang ditugaskan dan pendampingan bulanan oleh atasan langsung.',
              },
            ],
          },
          'id',
        ),
      ),
    );
    this.counters.dialogues += recorded.length;
  }

  /** A 360° cycle started by `starter` (HR) for `subject`, with more peers added, opened: its id and a full answer sheet per score. */
  private async startCycle(starter: Session, subjectId: string, periodId: string, extraPeers: readonly string[]) {
    const [started] = await this.gateway.mutate<{ id: string }>(starter.token, [
      op('startFeedbackCycle', { input: ['StartFeedbackCycleInput!', { subjectId, periodId }] }, 'id'),
    ]);
    if (!started) throw new DemoActivityError('the 360° cycle did not start');
    const opened = await this.gateway.mutate<{ questionnaire?: { code: string; value: string }[] }>(starter.token, [
      ...extraPeers.map((raterId) => op('addFeedbackRater', { input: ['AddFeedbackRaterInput!', { cycleId: started.id, raterId, group: 'PEER' }] }, 'id')),
      op('openFeedbackCycle', { input: ['OpenFeedbackCycleInput!', { cycleId: started.id }] }, 'id questionnaire { code value }'),
    ]);
    const items = opened[opened.length - 1]?.questionnaire ?? [];
    const answers = (score: number, low: readonly string[] = []) =>
      items.map((item) => ({ itemCode: item.code, score: low.includes(item.value) ? Math.max(1, score - 2) : score }));
    return { cycleId: started.id, answers };
  }

  private submit(session: Session, cycleId: string, answers: { itemCode: string; score: number }[]) {
    return this.gateway.mutate(session.token, [op('submitFeedback', { input: ['SubmitFeedbackInput!', { cycleId, answers }] }, 'cycleId')]);
  }

  /**
   * Last year's 360° of the demo supervisor's other staff member, started by HR, who adds the other
   * team of the unit as peers (three peers, so their aggregate shows); everyone answers, HR closes it.
   */
  private async closedFeedbackCycle(hr: Session, supervisor: Person, members: readonly Member[], periodId: string): Promise<void> {
    const subject = members.find((member) => !member.demo && member.lead === supervisor);
    if (!subject) return;
    const peers = members.filter((member) => member.lead !== supervisor);
    const { cycleId, answers } = await this.startCycle(
      hr,
      subject.person.id,
      periodId,
      peers.map((member) => member.person.id),
    );
    const low = subject.outcome.below;
    await Promise.all([
      this.submit(supervisor.session, cycleId, answers(4, low)),
      ...members.map((member, m) => this.submit(member.person.session, cycleId, answers(member === subject ? 5 : 3 + (m % 2), low))),
    ]);
    await this.gateway.request('mutation ($id: ID!) { closeFeedbackCycle(cycleId: $id) { id status } }', { id: cycleId }, hr.token);
    this.counters.feedbackCycles.closed += 1;
  }

  /** This year's 360° of the demo supervisor, opened by HR: some have answered, the demo employee's request waits. */
  private async openFeedbackCycle(hr: Session, supervisor: Person, answering: readonly Person[], periodId: string): Promise<void> {
    const { cycleId, answers } = await this.startCycle(hr, supervisor.id, periodId, []);
    await Promise.all(answering.map((person) => this.submit(person.session, cycleId, answers(4))));
    this.counters.feedbackCycles.open += 1;
  }

  /** Development assigns the poor ratings' programmes (one per gap) from performance's event; HR passes Komunikasi Efektif and starts the others. */
  private async followUpTrainings(hr: Session, poor: readonly Member[]): Promise<void> {
    const { gateway } = this;
    // One programme per value rated BELOW (the work results rated BELOW wait for HR's choice of a programme; the coaching sanction brings its own).
    const expected = new Map(poor.map((member) => [member.person.id, member.outcome.below.length]));
    const assigned = await waitUntil(`development's assignments in ${this.script.slug}`, async () => {
      // One page is enough: the demo agency's first start has only these few assignments.
      const data = await gateway.request<{
        agencyTrainingAssignments: { edges: { node: { id: string; reason: string; employee: { id: string }; program: { code: string } | null } }[] };
      }>(
        'query ($a: ID!) { agencyTrainingAssignments(agencyId: $a, status: ASSIGNED, first: 200) { edges { node { id reason employee { id } program { code } } } } }',
        { a: hr.agencyId },
        hr.token,
      );
      const caused = data.agencyTrainingAssignments.edges.map((edge) => edge.node).filter((a) => expected.has(a.employee.id) && a.reason === 'PERFORMANCE_GAP');
      const complete = [...expected].every(([id, count]) => caused.filter((a) => a.employee.id === id).length >= count);
      return complete ? caused : null;
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
