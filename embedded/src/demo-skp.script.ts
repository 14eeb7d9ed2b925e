import { DemoActivityError, type Gateway, op, type Session } from './demo-activity.client';
import { ACHIEVEMENT, behaviourRatings, FALLBACK_PLAN, type Outcome, PLANS, quarterValues, type UnitRating } from './demo-activity.templates';
import type { DemoContext, Member, Period, Person, PlanDraft } from './demo-team';

/*
 * The SKP year in performance: the periods, the plans and their approval, the quarterly
 * realizations, the unit's rating, the assessments and HR's rewards and sanctions.
 */

const PERIOD_FIELDS = 'id year subPeriods { id index }';
const JUSTIFICATION =
  'Capaian individu melampaui target SKP yang disepakati dengan bukti dukung lengkap; rendahnya predikat unit berasal dari anggaran yang terlambat cair, bukan dari kinerja pegawai ini.';

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

/**
 * The employee's SKPs for the given years: created, the RHKs added (the MAIN ones cascading from
 * the supervisor's SKP of the same year, when given), then the indicators, and submitted when asked.
 */
export async function draftPlans(
  context: DemoContext,
  person: Person,
  periods: readonly Period[],
  parents: readonly (PlanDraft | undefined)[],
  submit: boolean,
): Promise<PlanDraft[]> {
  const { gateway } = context;
  const token = person.session.token;
  const templates = PLANS[person.title] ?? FALLBACK_PLAN;
  const plans = await gateway.mutate<{ id: string }>(
    token,
    periods.map((period) => op('createPerformancePlan', { input: ['CreatePerformancePlanInput!', { periodId: period.id }] }, 'id')),
  );
  context.counters.plans += plans.length;
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

export async function approve(context: DemoContext, supervisor: Session, plans: readonly PlanDraft[]): Promise<void> {
  await context.gateway.mutate(
    supervisor.token,
    plans.map((plan) => op('approvePerformancePlan', { planId: ['ID!', plan.planId] }, 'id status')),
  );
}

/** The employee reports each indicator for each quarter, with a link to the evidence, in one request. */
export async function report(
  context: DemoContext,
  person: Person,
  plan: PlanDraft | undefined,
  quarters: Period['subPeriods'],
  outcome: Outcome,
): Promise<void> {
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
        const evidenceUrl = `https://bukti.kinerja.demo/${context.slug}/${context.years.previous}/${person.nip}/rhk${w + 1}-ik${i + 1}-tw${quarter.index}.pdf`;
        const input = { indicatorId: indicator.id, periodId: quarter.id, value: values[q] ?? 0, evidenceUrl, note: null };
        return op('reportRealization', { input: ['ReportRealizationInput!', input] }, 'id');
      });
    });
  });
  await context.gateway.mutate(person.session.token, ops);
  context.counters.realizations += ops.length;
}

export async function rateUnit(context: DemoContext, hr: Session, orgUnitId: string, periodId: string, rating: UnitRating): Promise<void> {
  await context.gateway.request(
    'mutation ($input: SetUnitRatingInput!) { setUnitRating(input: $input) { id rating } }',
    { input: { orgUnitId, periodId, rating } },
    hr.token,
  );
}

/** The direct supervisor finalizes; when the unit's curve would break, they justify it, as the agency's WARN setting asks. */
export async function finalize(context: DemoContext, assessor: Session, plan: PlanDraft | undefined, periodId: string, outcome: Outcome): Promise<string> {
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
    context.gateway.request<{ finalizeAssessment: { id: string; predikat: string } }>(
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
    context.counters.justified += 1;
  }
  const { id, predikat } = result.finalizeAssessment;
  if (predikat !== outcome.predikat) throw new DemoActivityError(`expected ${outcome.predikat}, the matrix gave ${predikat}`);
  context.counters.assessments[predikat] = (context.counters.assessments[predikat] ?? 0) + 1;
  return id;
}

/**
 * HR's follow-up that rests on the finalized assessments: a bonus recommendation for SANGAT_BAIK,
 * coaching for BUTUH_PERBAIKAN, a referral to the discipline procedure for KURANG and SANGAT_KURANG.
 */
export async function followUps(context: DemoContext, hr: Session, members: readonly Member[], assessments: readonly string[]): Promise<void> {
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
                  note: `Predikat SANGAT BAIK tahun ${context.years.previous}: direkomendasikan untuk tunjangan kinerja tambahan.`,
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
  await context.gateway.mutate(hr.token, ops);
  context.counters.rewards += ops.filter((entry) => entry.field === 'grantReward').length;
  context.counters.sanctions += ops.filter((entry) => entry.field === 'issueSanction').length;
}
