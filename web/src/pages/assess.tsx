import {
  AssessmentFormDocument,
  type AssessmentFormQuery,
  type CoreValue,
  type ExpectationRating,
  FinalizeAssessmentDocument,
  GraphQLRequestError,
} from '@kinerja/client';
import { useState } from 'preact/hooks';

import { request } from '../api';
import { ErrorMessage, PageTitle, Show, useLoad } from '../components';
import { label, t } from '../i18n';
import { UnitCurve } from './distribution';

const RATINGS: readonly ExpectationRating[] = ['ABOVE', 'MEETS', 'BELOW'];
const CORE_VALUES: readonly CoreValue[] = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'];

type Plan = AssessmentFormQuery['performancePlan'];

/** The fields the graph may ask for only after a first try: the curve's justification, the override's reason. */
type Asked = 'justification' | 'overrideReason';

function askedField(error: unknown): Asked | undefined {
  if (!(error instanceof GraphQLRequestError)) return undefined;
  // The graph names the field by its path in the arguments: `input.justification`.
  const field = error.errors.find((entry) => entry.code === 'BAD_USER_INPUT')?.field?.replace(/^input\./, '');
  return field === 'justification' || field === 'overrideReason' ? field : undefined;
}

function RatingSelect({ id, value, onChange }: { id: string; value: ExpectationRating; onChange: (next: ExpectationRating) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as ExpectationRating)}>
      {RATINGS.map((rating) => (
        <option key={rating} value={rating}>
          {label(rating)}
        </option>
      ))}
    </select>
  );
}

/** The closed 360° cycle's average per BerAKHLAK value, read beside the supervisor's own rating of it. */
function Aggregate360({ plan, value }: { plan: Plan; value: CoreValue }) {
  const row = plan.feedbackAggregate?.values.find((entry) => entry.value === value);
  if (!row) return <span class="muted">—</span>;
  return <span>{row.average === null || row.average === undefined ? t('tooFewRaters') : t('average360', row.average.toFixed(1), row.responses)}</span>;
}

/**
 * The annual assessment form: the two ratings, the seven BerAKHLAK values with the 360° aggregate
 * beside each, and the supervisor's feedback. When finalizing would break the unit's distribution
 * curve, the graph asks for a justification: the form then shows the warning and the unit's curve.
 */
function FinalizeForm({ plan, onFinalized }: { plan: Plan; onFinalized: () => void }) {
  const [workResultRating, setWorkResultRating] = useState<ExpectationRating>('MEETS');
  const [behaviourRating, setBehaviourRating] = useState<ExpectationRating>('MEETS');
  const [values, setValues] = useState<Record<string, ExpectationRating>>(Object.fromEntries(CORE_VALUES.map((value) => [value, 'MEETS'])));
  const [feedback, setFeedback] = useState('');
  const [justification, setJustification] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [asked, setAsked] = useState<ReadonlySet<Asked>>(new Set());
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const period = plan.period;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!period) return;
    setBusy(true);
    setError(undefined);
    try {
      await request(FinalizeAssessmentDocument, {
        input: {
          planId: plan.id,
          periodId: period.id,
          workResultRating,
          behaviourRating,
          behaviourRatings: CORE_VALUES.map((value) => ({ value, rating: values[value] ?? 'MEETS' })),
          feedback,
          ...(asked.has('justification') ? { justification } : {}),
          ...(asked.has('overrideReason') ? { overrideReason } : {}),
        },
      });
      onFinalized();
    } catch (caught) {
      const field = askedField(caught);
      if (field && !asked.has(field)) setAsked(new Set([...asked, field]));
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={submit} aria-busy={busy} data-testid="finalize-form">
      <h2>{t('finalizeTitle', period?.year ?? '')}</h2>
      <label for="work-result-rating">{t('workResultRating')}</label>
      <RatingSelect id="work-result-rating" value={workResultRating} onChange={setWorkResultRating} />
      <fieldset>
        <legend>{t('behaviourTitle')}</legend>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('coreValue')}</th>
              <th scope="col">{t('yourRating')}</th>
              <th scope="col">{t('feedback360Average')}</th>
            </tr>
          </thead>
          <tbody>
            {CORE_VALUES.map((value) => (
              <tr key={value}>
                <th scope="row">
                  <label for={`value-${value}`}>{label(value)}</label>
                </th>
                <td>
                  <RatingSelect id={`value-${value}`} value={values[value] ?? 'MEETS'} onChange={(next) => setValues({ ...values, [value]: next })} />
                </td>
                <td data-testid="aggregate-360">
                  <Aggregate360 plan={plan} value={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p data-testid="aggregate-360-source">
          {plan.feedbackAggregate ? t('aggregate360From', plan.feedbackAggregate.completedAt.slice(0, 10)) : t('noAggregate360')}
        </p>
        <label for="behaviour-rating">{t('behaviourRating')}</label>
        <RatingSelect id="behaviour-rating" value={behaviourRating} onChange={setBehaviourRating} />
      </fieldset>
      <label for="feedback">{t('supervisorFeedback')}</label>
      <textarea id="feedback" required value={feedback} onInput={(e) => setFeedback(e.currentTarget.value)} />
      {asked.has('overrideReason') && (
        <>
          <label for="override-reason">{t('overrideReason')}</label>
          <textarea id="override-reason" required value={overrideReason} onInput={(e) => setOverrideReason(e.currentTarget.value)} />
        </>
      )}
      {asked.has('justification') && (
        <div class="warning" data-testid="curve-warning">
          <p role="status" data-testid="curve-warning-text">
            {t('curveWouldBreak')}
          </p>
          {plan.employee.orgUnit && period && <UnitCurve unitId={plan.employee.orgUnit.id} periodId={period.id} optional />}
          <label for="justification">{t('justification')}</label>
          <textarea id="justification" required value={justification} onInput={(e) => setJustification(e.currentTarget.value)} />
        </div>
      )}
      <button type="submit" disabled={busy}>
        {t('finalize')}
      </button>
      <div aria-live="polite">{error !== undefined && <ErrorMessage error={error} />}</div>
    </form>
  );
}

/** `#/assess/<planId>`: the direct supervisor finalizes the annual assessment of a subordinate's SKP. */
export function Assess({ planId }: { planId: string }) {
  const [loaded, reload] = useLoad(() => request(AssessmentFormDocument, { id: planId }), [planId]);
  return (
    <section>
      <PageTitle>{t('assessTitle')}</PageTitle>
      <Show value={loaded}>
        {({ performancePlan: plan }) => {
          const annual = plan.assessments.find((assessment) => assessment.kind === 'ANNUAL' && assessment.period?.id === plan.period?.id);
          return (
            <>
              <p>
                {plan.employee.name} ({plan.employee.nip}) — {plan.employee.orgUnit?.name} · {t('year')} {plan.period?.year} · {label(plan.status)}
              </p>
              <ul>
                {plan.workResults.map((result) => (
                  <li key={result.id}>
                    {result.title} <small>({label(result.kind)})</small>
                  </li>
                ))}
              </ul>
              {annual ? (
                <p class="success" role="status" data-testid="assessment-final">
                  {t('assessmentFinal')}: <span class={`predikat ${annual.predikat}`}>{label(annual.predikat)}</span>
                  {annual.curveWarning && ` (${t('curveWarning')})`}
                </p>
              ) : plan.status !== 'APPROVED' ? (
                <p>{t('assessNeedsApproval')}</p>
              ) : (
                <FinalizeForm plan={plan} onFinalized={reload} />
              )}
            </>
          );
        }}
      </Show>
    </section>
  );
}
