import { DemoActivityError, type Gateway, login, type Session, waitUntil } from './demo-activity.client';
import { type Outcome, OUTCOMES, type UnitRating } from './demo-activity.templates';
import { closedFeedbackCycle, followUpDialogues, openFeedbackCycle, planningDialogues } from './demo-feedback.script';
import { approve, closeYear, draftPlans, finalize, followUps, openYears, rateUnit, report } from './demo-skp.script';
import type { Counters, DemoContext, Holder, Member, Person } from './demo-team';
import { followUpTrainings } from './demo-training.script';

/*
 * One agency's demo year, run by its HR admin, the demo supervisor and their two staff through the
 * gateway (see seed-demo-activity.ts for the whole story): the SKP year in demo-skp.script.ts, the
 * dialogues and 360° cycles in demo-feedback.script.ts, the follow-up trainings in demo-training.script.ts.
 */

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

const HOLDER = 'id nip email position { title }';
const TEAM_QUERY = `{ me { id nip position { title } orgUnit { id positions { holder { ${HOLDER} subordinates { ${HOLDER} } } } } subordinates { ${HOLDER} } } }`;

interface TeamView {
  id: string;
  nip: string;
  position: { title: string };
  orgUnit: { id: string; positions: { holder: (Holder & { subordinates: Holder[] }) | null }[] };
  subordinates: Holder[];
}

export class AgencyActivity {
  private readonly context: DemoContext;

  constructor(
    private readonly gateway: Gateway,
    counters: Counters,
    private readonly script: AgencyScript,
    private readonly years: { previous: number; current: number },
    today: string,
  ) {
    this.context = { gateway, counters, slug: script.slug, years, today };
  }

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
    const [leadDraft] = await draftPlans(this.context, supervisor, [current], [], false);
    // The planning dialogues of both years come before the SKPs are approved (performance shows them at approval).
    await Promise.all(
      [supervisor, otherLeadPerson].map((lead) =>
        planningDialogues(
          this.context,
          lead,
          members.filter((member) => member.lead === lead),
          [previous.year, current.year],
        ),
      ),
    );
    const plans = await Promise.all(
      members.map((member) =>
        draftPlans(this.context, member.person, [previous, current], [undefined, member.lead === supervisor ? leadDraft : undefined], true),
      ),
    );
    await Promise.all(
      [supervisor, otherLeadPerson].map((lead) =>
        approve(
          this.context,
          lead.session,
          members.flatMap((member, m) => (member.lead !== lead ? [] : member.currentPlan === 'APPROVED' ? (plans[m] ?? []) : (plans[m] ?? []).slice(0, 1))),
        ),
      ),
    );

    await Promise.all([
      rateUnit(this.context, hr, view.orgUnit.id, previous.id, script.unitRating),
      ...members.map((member, m) => report(this.context, member.person, plans[m]?.[0], previous.subPeriods, member.outcome)),
      // Last year's 360° of the demo supervisor's other staff member, closed before they are assessed: its aggregate shows beside the behaviour rating.
      closedFeedbackCycle(this.context, hr, supervisor, members, previous.id),
      // This year's 360° of the demo supervisor, opened by HR: their colleague and the other head of division answered, the demo employee's request waits.
      openFeedbackCycle(this.context, hr, supervisor, [other, otherLeadPerson], current.id),
    ]);
    // One after the other: each finalization checks the unit's curve against the ones before it.
    const assessments: string[] = [];
    for (const [m, member] of members.entries())
      assessments.push(await finalize(this.context, member.lead.session, plans[m]?.[0], previous.id, member.outcome));
    await followUps(this.context, hr, members, assessments);
    await closeYear(gateway, hr, previous);

    const poor = members.filter((member) => POOR.includes(member.outcome.predikat));
    await Promise.all([
      followUpTrainings(this.context, hr, poor),
      ...[supervisor, otherLeadPerson].map((lead) =>
        followUpDialogues(
          this.context,
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
}
