import type { Logger } from '@kinerja/logger';

/**
 * The first start's demo activity: a finished previous year and a current year in progress, made
 * the way users make them — HR admins, employees and supervisors logging in and calling the
 * gateway's public GraphQL API — so every rule, audit row and event of the services runs for real
 * (nothing is written to a database directly).
 *
 * Every agency: HR opens the previous and the current year, quarterly. In the agencies of
 * ACTIVITY (Siulak, the README's example), the demo supervisor's team of Dinas Pendidikan —
 * `employee.<agency>` (Analis Kurikulum) and a colleague (Pengawas Sekolah) — goes through the year:
 *
 * - each writes an SKP of 2 MAIN results and 1 ADDITIONAL (one indicator each) and submits it;
 *   the demo supervisor approves both;
 * - each reports the four quarters with a link to the evidence (marked late: reported today);
 * - HR rates the unit BAIK; the demo supervisor finalizes the annual assessments: the colleague
 *   BUTUH_PERBAIKAN (a MAIN result and Kolaboratif BELOW), the demo employee BAIK; the unit's
 *   curve holds (at most 70% BAIK, at least one BUTUH_PERBAIKAN), and a finalization that would
 *   break it is justified, as the agency's WARN setting asks; HR closes the year;
 * - development assigns a programme per gap from performance's event (Komunikasi Efektif,
 *   Perencanaan Kinerja); HR records the first as passed (certificate) and starts the second;
 * - the current year: the demo supervisor drafts their SKP (a DRAFT with two RHKs), the staff's
 *   RHKs cascade from it; the demo employee's SKP is APPROVED, the colleague's SUBMITTED, waiting
 *   for the demo supervisor.
 *
 * It is kept this small because each mutation costs the embedded databases 15–25 ms and the whole
 * seeding, including the wait for identity's first employee snapshots, must stay within about 4 s.
 */

const PASSWORD = 'kinerja-demo';
/** How long to wait for an event to reach another service (employee copies, assignments). */
const EVENT_WAIT_MS = 15_000;
const WIB_OFFSET_MS = 7 * 3_600_000;

export interface DemoAccountRef {
  role: string;
  login: string;
}

export interface DemoActivitySummary {
  /** Agencies whose HR opened the two years. */
  agencies: string[];
  /** Agencies whose demo team went through the previous year (the rest only have the periods). */
  activity: string[];
  previousYear: number;
  currentYear: number;
  plans: number;
  realizations: number;
  assessments: Record<string, number>;
  justified: number;
  assignments: number;
  certificates: number;
  milliseconds: number;
}

// ---------------------------------------------------------------- the GraphQL client

interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string };
}

export class DemoActivityError extends Error {
  constructor(
    message: string,
    readonly errors: readonly GraphQLErrorEntry[] = [],
  ) {
    super(message);
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }

  get field(): string | undefined {
    return this.errors[0]?.extensions?.field;
  }
}

/** One mutation field of a batch. */
interface Op {
  field: string;
  args: Record<string, [type: string, value: unknown]>;
  select: string;
}

const op = (field: string, args: Op['args'], select: string): Op => ({ field, args, select });

class Gateway {
  constructor(private readonly url: string) {}

  async request<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorEntry[] };
    if (body.errors?.length || !body.data) {
      const first = body.errors?.[0];
      const where = first?.path?.join('.') ?? query.replace(/\s+/g, ' ').slice(0, 80);
      throw new DemoActivityError(`${where}: ${first?.message ?? `HTTP ${response.status}`}`, body.errors ?? []);
    }
    return body.data;
  }

  /**
   * Several mutations in one operation (aliases m0, m1…), the way a form saves its rows: GraphQL
   * runs them one after the other, in order. With variables, one shape is one document, which the
   * gateway plans once.
   */
  async mutate<T = Record<string, unknown>>(token: string, ops: readonly Op[]): Promise<T[]> {
    if (ops.length === 0) return [];
    const declarations: string[] = [];
    const variables: Record<string, unknown> = {};
    const fields = ops.map((entry, k) => {
      const args = Object.entries(entry.args).map(([name, [type, value]]) => {
        declarations.push(`$${name}${k}: ${type}`);
        variables[`${name}${k}`] = value;
        return `${name}: $${name}${k}`;
      });
      return `m${k}: ${entry.field}(${args.join(', ')}) { ${entry.select} }`;
    });
    const data = await this.request<Record<string, T>>(`mutation (${declarations.join(', ')}) { ${fields.join(' ')} }`, variables, token);
    return ops.map((_, k) => data[`m${k}`] as T);
  }
}

interface Session {
  token: string;
  /** The agency of the account's HR_ADMIN grant, if any. */
  agencyId: string;
}

async function login(gateway: Gateway, identifier: { email: string } | { nip: string }): Promise<Session> {
  const data = await gateway.request<{ login: { accessToken: string; viewer: { roles: { role: string; agencyId: string | null }[] } } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { accessToken viewer { roles { role agencyId } } } }',
    { input: { ...identifier, password: PASSWORD } },
  );
  const hr = data.login.viewer.roles.find((grant) => grant.role === 'HR_ADMIN');
  return { token: data.login.accessToken, agencyId: hr?.agencyId ?? '' };
}

async function waitUntil<T>(what: string, probe: () => Promise<T | null>, timeoutMs = EVENT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 200)) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new DemoActivityError(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

// ---------------------------------------------------------------- what the demo people plan and achieve

type Aspect = 'QUANTITY' | 'QUALITY' | 'TIME' | 'COST';
type Rating = 'ABOVE' | 'MEETS' | 'BELOW';
type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN';
type UnitRating = 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN';

export interface IndicatorTemplate {
  aspect: Aspect;
  description: string;
  target: number;
  unit: string;
  lowerIsBetter?: boolean;
}

interface WorkResultTemplate {
  kind: 'MAIN' | 'ADDITIONAL';
  title: string;
  /** None in a draft still being written. */
  indicators: IndicatorTemplate[];
}

/** SKPs per position: 2 MAIN results and 1 ADDITIONAL, one indicator each. */
const PLANS: Record<string, WorkResultTemplate[]> = {
  'Kepala Bidang Pembinaan SD': [
    { kind: 'MAIN', title: 'Meningkatnya mutu pembelajaran pada satuan pendidikan SD', indicators: [] },
    { kind: 'MAIN', title: 'Terlaksananya pembinaan kurikulum dan supervisi SD', indicators: [] },
  ],
  'Analis Kurikulum': [
    {
      kind: 'MAIN',
      title: 'Tersusunnya kajian implementasi kurikulum jenjang SD',
      indicators: [{ aspect: 'QUANTITY', description: 'Jumlah dokumen kajian kurikulum', target: 8, unit: 'dokumen' }],
    },
    {
      kind: 'MAIN',
      title: 'Terverifikasinya kurikulum operasional satuan pendidikan SD',
      indicators: [{ aspect: 'TIME', description: 'Rata-rata waktu verifikasi satu KOSP', target: 10, unit: 'hari', lowerIsBetter: true }],
    },
    {
      kind: 'ADDITIONAL',
      title: 'Terselenggaranya bimbingan teknis penyusunan modul ajar',
      indicators: [{ aspect: 'QUANTITY', description: 'Jumlah bimbingan teknis', target: 4, unit: 'kegiatan' }],
    },
  ],
  'Pengawas Sekolah': [
    {
      kind: 'MAIN',
      title: 'Terlaksananya supervisi akademik dan manajerial sekolah binaan',
      indicators: [{ aspect: 'QUANTITY', description: 'Jumlah laporan supervisi sekolah binaan', target: 24, unit: 'laporan' }],
    },
    {
      kind: 'MAIN',
      title: 'Tersusunnya rekomendasi peningkatan mutu sekolah binaan',
      indicators: [{ aspect: 'QUANTITY', description: 'Jumlah rekomendasi yang ditindaklanjuti sekolah', target: 12, unit: 'rekomendasi' }],
    },
    {
      kind: 'ADDITIONAL',
      title: 'Terlaksananya pendampingan implementasi Kurikulum Merdeka',
      indicators: [{ aspect: 'QUALITY', description: 'Nilai rata-rata umpan balik sekolah', target: 85, unit: 'nilai' }],
    },
  ],
};

/** For a position without its own SKP above (the demo organisation is the same everywhere, but may change). */
const FALLBACK_PLAN: WorkResultTemplate[] = [
  {
    kind: 'MAIN',
    title: 'Terlaksananya tugas pokok jabatan sesuai standar pelayanan',
    indicators: [{ aspect: 'QUANTITY', description: 'Jumlah keluaran tugas pokok', target: 24, unit: 'dokumen' }],
  },
  {
    kind: 'MAIN',
    title: 'Meningkatnya kualitas layanan unit kerja',
    indicators: [{ aspect: 'QUALITY', description: 'Indeks kepuasan pengguna layanan', target: 80, unit: 'nilai' }],
  },
  {
    kind: 'ADDITIONAL',
    title: 'Terdukungnya kegiatan lintas bidang',
    indicators: [{ aspect: 'QUANTITY', description: 'Jumlah kegiatan yang didukung', target: 6, unit: 'kegiatan' }],
  },
];

const CORE_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
type CoreValue = (typeof CORE_VALUES)[number];

/** What an employee achieved last year and how their supervisor saw it. */
export interface Outcome {
  /** The band each work result's realizations land in, in plan order. */
  results: Rating[];
  workResultRating: Rating;
  behaviourRating: Rating;
  above: CoreValue[];
  below: CoreValue[];
  predikat: Predikat;
  feedback: string;
}

export const OUTCOMES = {
  sangatBaik: {
    results: ['ABOVE', 'ABOVE', 'ABOVE'],
    workResultRating: 'ABOVE',
    behaviourRating: 'ABOVE',
    above: ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'ADAPTIF', 'KOLABORATIF'],
    below: [],
    predikat: 'SANGAT_BAIK',
    feedback: 'Seluruh target terlampaui dengan kualitas kerja yang konsisten; menjadi rujukan rekan kerja. Pertahankan dan bagikan praktik baiknya.',
  },
  baik: {
    results: ['MEETS', 'MEETS', 'MEETS'],
    workResultRating: 'MEETS',
    behaviourRating: 'MEETS',
    above: ['BERORIENTASI_PELAYANAN'],
    below: [],
    predikat: 'BAIK',
    feedback: 'Target SKP tercapai sesuai rencana dan bukti dukung lengkap. Pertahankan, dan laporkan realisasi tepat waktu.',
  },
  butuhPerbaikan: {
    results: ['MEETS', 'BELOW', 'MEETS'],
    workResultRating: 'BELOW',
    behaviourRating: 'MEETS',
    above: [],
    below: ['KOLABORATIF'],
    predikat: 'BUTUH_PERBAIKAN',
    feedback:
      'Rekomendasi mutu sekolah binaan jauh di bawah target dan koordinasi dengan tim kurang. Perlu pelatihan komunikasi efektif dan pendampingan perencanaan kinerja.',
  },
} satisfies Record<string, Outcome>;

const VALUE_NOTES: Partial<Record<CoreValue, Partial<Record<Rating, string>>>> = {
  KOLABORATIF: {
    BELOW: 'Jarang berbagi informasi dengan tim dan sulit diajak bekerja sama lintas bidang.',
    ABOVE: 'Aktif menggerakkan kerja sama lintas bidang.',
  },
  BERORIENTASI_PELAYANAN: { ABOVE: 'Cepat dan ramah menanggapi permintaan sekolah.' },
  KOMPETEN: { ABOVE: 'Menguasai regulasi dan membimbing rekan kerja.' },
  AKUNTABEL: { ABOVE: 'Bukti dukung selalu lengkap dan tepat waktu.' },
  ADAPTIF: { ABOVE: 'Cepat menyesuaikan diri dengan kebijakan kurikulum baru.' },
};

/** The achievement aimed at per band: far enough from the thresholds (90%, 110%) that rounding never crosses one. */
const ACHIEVEMENT: Record<Rating, number> = { ABOVE: 1.16, MEETS: 1.0, BELOW: 0.6 };
const QUARTER_SHARES = [0.22, 0.25, 0.25, 0.28];
const LEVEL_SPREAD = [-0.02, -0.01, 0.01, 0.02];

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The values an employee reports for an indicator in the given quarters (1–4) of a year achieved
 * at `factor` × the target. Quantities and costs add up over the year (whole units that sum to the
 * total); qualities and times are levels the year averages (each quarter near the level).
 */
export function quarterValues(indicator: IndicatorTemplate, factor: number, quarters: readonly number[]): number[] {
  if (indicator.aspect === 'QUANTITY' || indicator.aspect === 'COST') {
    const total = Math.max(0, Math.round(indicator.target * factor));
    const upTo = (q: number) => Math.round(total * QUARTER_SHARES.slice(0, q).reduce((sum, share) => sum + share, 0));
    return quarters.map((q) => upTo(q) - upTo(q - 1));
  }
  const level = indicator.lowerIsBetter ? indicator.target / factor : indicator.target * factor;
  return quarters.map((q) => round1(level * (1 + (LEVEL_SPREAD[q - 1] ?? 0))));
}

function behaviourRatings(outcome: Outcome) {
  return CORE_VALUES.map((value) => {
    const rating: Rating = outcome.below.includes(value) ? 'BELOW' : outcome.above.includes(value) ? 'ABOVE' : 'MEETS';
    return { value, rating, note: VALUE_NOTES[value]?.[rating] ?? null };
  });
}

// ---------------------------------------------------------------- the flow

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
interface AgencyScript {
  slug: string;
  unitRating: UnitRating;
  demoEmployee: Outcome;
}

/**
 * The agencies whose demo team goes through the previous year, in order of priority. Only Siulak:
 * each further agency adds about 1.5 s to the first start (see the note at the top).
 */
const ACTIVITY: AgencyScript[] = [{ slug: 'siulak', unitRating: 'BAIK', demoEmployee: OUTCOMES.baik }];

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

class Counters {
  plans = 0;
  realizations = 0;
  justified = 0;
  assignments = 0;
  certificates = 0;
  assessments: Record<string, number> = {};
}

/** HR opens the previous and the current year, with quarters. */
async function openYears(gateway: Gateway, hr: Session, years: readonly number[]): Promise<Period[]> {
  const periods = await gateway.mutate<Period>(
    hr.token,
    years.map((year) =>
      op('createPerformancePeriod', { input: ['CreatePerformancePeriodInput!', { agencyId: hr.agencyId, year, cadence: 'QUARTERLY' }] }, PERIOD_FIELDS),
    ),
  );
  if (periods.length !== years.length) throw new DemoActivityError('the periods were not opened');
  return periods;
}

async function closeYear(gateway: Gateway, hr: Session, period: Period): Promise<void> {
  await gateway.request('mutation ($id: ID!) { closePerformancePeriod(id: $id) { id status } }', { id: period.id }, hr.token);
}

class AgencyActivity {
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
      const data = await gateway.request<{
        agencyTrainingAssignments: { id: string; reason: string; employee: { id: string }; program: { code: string } | null }[];
      }>(
        'query ($a: ID!) { agencyTrainingAssignments(agencyId: $a, status: ASSIGNED) { id reason employee { id } program { code } } }',
        { a: hr.agencyId },
        hr.token,
      );
      const caused = data.agencyTrainingAssignments.filter((a) => employeeIds.includes(a.employee.id) && a.reason === 'PERFORMANCE_GAP');
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

/** `<slug>` of every `hr.<slug>@…` account: one per agency. */
function agencySlugs(accounts: readonly DemoAccountRef[]): string[] {
  return accounts.flatMap((account) => {
    const slug = account.role === 'HR_ADMIN' ? /^hr\.([^@]+)@/.exec(account.login)?.[1] : undefined;
    return slug ? [slug] : [];
  });
}

/**
 * Seeds the demo activity through the gateway at `gatewayUrl`, for the agencies of `accounts`
 * (identity's seeded demo accounts). Call it once, on the first start, after the gateway is up.
 */
export async function seedDemoActivity(
  gatewayUrl: string,
  accounts: readonly DemoAccountRef[],
  options: { logger?: Logger; now?: Date } = {},
): Promise<DemoActivitySummary> {
  const startedAt = Date.now();
  const now = options.now ?? new Date();
  // The agencies' year is the calendar year in WIB; a completion date may not be in the future in UTC.
  const current = new Date(now.getTime() + WIB_OFFSET_MS).getUTCFullYear();
  const years = { previous: current - 1, current };
  const today = now.toISOString().slice(0, 10);
  const gateway = new Gateway(gatewayUrl);
  const counters = new Counters();
  const slugs = agencySlugs(accounts);
  const activity = ACTIVITY.filter((script) => slugs.includes(script.slug));
  const periodsOnly = slugs.filter((slug) => !activity.some((script) => script.slug === slug));
  const runs = activity.map((script) => new AgencyActivity(gateway, counters, script, years, today));
  // The other agencies' HR log in after the activity's people: a login takes ~0.1 s of a core (scrypt).
  const loggedIn = Promise.all(runs.map((run) => run.loggedIn));
  await Promise.all([
    ...runs.map((run) => run.run()),
    ...periodsOnly.map(async (slug) => {
      await loggedIn;
      const hr = await login(gateway, { email: `hr.${slug}@kinerja.demo` });
      const [previous] = await openYears(gateway, hr, [years.previous, years.current]);
      // Nobody was assessed there: the year is over all the same.
      if (previous) await closeYear(gateway, hr, previous);
    }),
  ]);
  const summary: DemoActivitySummary = {
    agencies: slugs,
    activity: activity.map((script) => script.slug),
    previousYear: years.previous,
    currentYear: years.current,
    plans: counters.plans,
    realizations: counters.realizations,
    assessments: counters.assessments,
    justified: counters.justified,
    assignments: counters.assignments,
    certificates: counters.certificates,
    milliseconds: Date.now() - startedAt,
  };
  options.logger?.info(summary, 'demo activity seeded');
  return summary;
}

/**
 * main.ts's call on the first start: seeds and says so in one line. The demo activity is a
 * convenience, so a failure is logged and named but does not stop the start.
 */
export async function seedDemoActivityOnFirstStart(gatewayUrl: string, accounts: readonly DemoAccountRef[], logger: Logger): Promise<void> {
  try {
    const summary = await seedDemoActivity(gatewayUrl, accounts, { logger });
    process.stdout.write(
      `Demo activity (${(summary.milliseconds / 1000).toFixed(1)} s): ${summary.previousYear} closed and ${summary.currentYear} open in every agency; ` +
        `${summary.previousYear} assessed in ${summary.activity.join(', ')}\n`,
    );
  } catch (error) {
    logger.error({ err: error }, 'demo activity not seeded');
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`Demo activity not seeded: ${message} (details in the log; "npm start -- --fresh" tries again)\n`);
  }
}
