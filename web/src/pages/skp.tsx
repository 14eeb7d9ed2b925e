import { MyPlansDocument, PlanDocument, type PlanQuery, ReportRealizationDocument, UploadEvidenceDocument } from '@kinerja/client';
import { useState } from 'preact/hooks';

import { request } from '../api';
import { ErrorMessage, PageTitle, Show, useLoad } from '../components';
import { base64Of } from '../files';
import { label, t } from '../i18n';

type Plan = PlanQuery['performancePlan'];
type Indicator = Plan['workResults'][number]['indicators'][number];

/** Reports a realization for a sub-period, then uploads its evidence document (bukti dukung), as the graph asks. */
function ReportForm({ plan, indicator }: { plan: Plan; indicator: Indicator }) {
  const today = new Date().toISOString().slice(0, 10);
  const subPeriods = plan.period?.subPeriods ?? [];
  const current = subPeriods.find((p) => p.startDate <= today && today <= p.endDate) ?? subPeriods[0];
  const [periodId, setPeriodId] = useState(current?.id ?? '');
  const [value, setValue] = useState('');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ ok: string } | { error: unknown } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `${name}-${indicator.id}`;

  const report = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    try {
      const { reportRealization } = await request(ReportRealizationDocument, { input: { indicatorId: indicator.id, periodId, value: Number(value) } });
      if (file) {
        const { uploadEvidence } = await request(UploadEvidenceDocument, {
          input: { realizationId: reportRealization.id, fileName: file.name, contentBase64: await base64Of(file) },
        });
        setOutcome({ ok: t('uploaded', uploadEvidence.fileName) });
      } else {
        setOutcome({ ok: t('reported') });
      }
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="report" onSubmit={report} aria-busy={busy} data-testid="report-form">
      <label for={id('period')}>{t('subPeriod')}</label>
      <select id={id('period')} value={periodId} onChange={(e) => setPeriodId(e.currentTarget.value)}>
        {subPeriods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.index} ({p.startDate} – {p.endDate})
          </option>
        ))}
      </select>
      <label for={id('value')}>
        {t('realizationValue')} ({indicator.unit})
      </label>
      <input id={id('value')} type="number" step="any" min="0" required value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <label for={id('file')}>{t('uploadEvidence')}</label>
      <input id={id('file')} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
      <button type="submit" disabled={busy}>
        {t('report')}
      </button>
      <div aria-live="polite">
        {outcome && 'ok' in outcome && (
          <p class="success" role="status">
            {outcome.ok}
          </p>
        )}
        {outcome && 'error' in outcome && <ErrorMessage error={outcome.error} />}
      </div>
    </form>
  );
}

function PlanView({ id }: { id: string }) {
  const [loaded] = useLoad(() => request(PlanDocument, { id }), [id]);
  return (
    <Show value={loaded}>
      {({ performancePlan: plan }) => (
        <article class="card">
          <h2>
            {t('year')} {plan.period?.year} — {label(plan.status)}
          </h2>
          {plan.workResults.map((result) => (
            <section key={result.id}>
              <h3>
                {result.title} <small>({label(result.kind)})</small>
              </h3>
              {result.indicators.map((indicator) => (
                <div key={indicator.id}>
                  <p>
                    {indicator.description} — {t('target')}: {indicator.target} {indicator.unit}
                  </p>
                  {indicator.realizations.length === 0 ? (
                    <p class="loading">{t('noRealizations')}</p>
                  ) : (
                    <ul>
                      {indicator.realizations.map((realization) => (
                        <li key={realization.id} data-testid="realization">
                          {t('subPeriod')} {realization.period?.index ?? ''}: {realization.value} {indicator.unit}
                          {realization.evidenceMissing && ` (${t('evidenceMissing')})`}
                        </li>
                      ))}
                    </ul>
                  )}
                  {plan.status === 'APPROVED' && <ReportForm plan={plan} indicator={indicator} />}
                </div>
              ))}
            </section>
          ))}
        </article>
      )}
    </Show>
  );
}

/** The employee's SKPs, newest first; one at a time with its work results, indicators and realizations. */
export function Skp() {
  const [plans] = useLoad(() => request(MyPlansDocument, {}), []);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  return (
    <section>
      <PageTitle>{t('skpTitle')}</PageTitle>
      <Show value={plans}>
        {({ me }) => {
          const sorted = [...(me?.performancePlans ?? [])].sort((a, b) => (b.period?.year ?? 0) - (a.period?.year ?? 0));
          const id = chosen ?? sorted[0]?.id;
          return !id ? (
            <p>{t('noPlans')}</p>
          ) : (
            <>
              <label>
                {t('year')}
                <select value={id} onChange={(e) => setChosen(e.currentTarget.value)}>
                  {sorted.map((plan) => (
                    <option key={plan.id} value={plan.id}>
                      {plan.period?.year} — {label(plan.status)}
                    </option>
                  ))}
                </select>
              </label>
              <PlanView id={id} />
            </>
          );
        }}
      </Show>
    </section>
  );
}
