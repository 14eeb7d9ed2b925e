import { AgencyYearsDocument, DistributionSetupDocument, GraphQLRequestError, UnitDistributionDocument } from '@kinerja/client';
import { useState } from 'preact/hooks';

import { request } from '../api';
import { PageTitle, Show, useLoad } from '../components';
import { label, t } from '../i18n';

const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;

/** A rule of the curve in the reader's language (the graph's description is English). */
function ruleText(rule: { bound: string; percent?: number | null; predikats: readonly string[] }): string {
  const predikats = rule.predikats.map((predikat) => label(predikat)).join(` ${t('or')} `);
  if (rule.percent === null || rule.percent === undefined) return t('ruleAtLeastOne', predikats);
  return t(rule.bound === 'AT_MOST' ? 'ruleAtMost' : 'ruleAtLeast', rule.percent, predikats);
}

/**
 * One unit's predikat for a year against the rule of the unit's rating (rule 3). `optional`: shown
 * only to those who may read the unit's curve (its head, HR, leadership, auditors); nothing for others.
 */
export function UnitCurve({ unitId, periodId, optional = false }: { unitId: string; periodId: string; optional?: boolean }) {
  const [distribution] = useLoad(() => request(UnitDistributionDocument, { unitId, periodId }), [unitId, periodId]);
  // Optional: no loading line beside the warning it accompanies, and nothing for who may not read it.
  if (optional && distribution.state === 'loading') return null;
  if (optional && distribution.state === 'failed' && distribution.error instanceof GraphQLRequestError && distribution.error.code === 'FORBIDDEN') return null;
  return (
    <div aria-live="polite" data-testid="distribution">
      <Show value={distribution}>
        {({ orgUnit }) => {
          const curve = orgUnit.predikatDistribution;
          const counts = new Map(curve.shares.map((share) => [share.predikat, share]));
          return (
            <>
              <p>
                {t('unitRating')}: {curve.unitRating ? label(curve.unitRating) : t('noUnitRating')} · {t('assessedOf', curve.assessed, curve.headcount)}
              </p>
              <table>
                <caption>{t('sharesCaption', orgUnit.name)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('predikatColumn')}</th>
                    <th scope="col">{t('people')}</th>
                    <th scope="col">%</th>
                  </tr>
                </thead>
                <tbody>
                  {PREDIKATS.map((predikat) => (
                    <tr key={predikat}>
                      <th scope="row">
                        <span class={`predikat ${predikat}`}>{label(predikat)}</span>
                      </th>
                      <td>{counts.get(predikat)?.count ?? 0}</td>
                      <td>{(counts.get(predikat)?.percent ?? 0).toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {curve.rules.length > 0 && (
                <>
                  <h2>{t('curveRules')}</h2>
                  <ul>
                    {curve.rules.map((rule) => (
                      <li key={rule.description} class={rule.satisfied ? 'rule-ok' : 'rule-broken'}>
                        {ruleText(rule)}: {t('ruleStanding', rule.actualCount, rule.requiredCount)} —{' '}
                        {rule.satisfied ? t('ruleHolds') : rule.reachable ? t('ruleReachable') : t('ruleBroken')}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          );
        }}
      </Show>
    </div>
  );
}

interface UnitNode {
  id: string;
  name: string;
  children?: readonly UnitNode[];
}

/** The agency's units, each parent before its children (three levels: the agency's units, their sub-units and theirs). */
function flatten(units: readonly UnitNode[]): { id: string; name: string }[] {
  return units.flatMap((unit) => [{ id: unit.id, name: unit.name }, ...flatten(unit.children ?? [])]);
}

/** HR's view of the distribution curve per unit: the agency's units and its years to choose from. */
export function Distribution() {
  const [setup] = useLoad(() => request(DistributionSetupDocument, {}), []);
  return (
    <section>
      <PageTitle>{t('distributionTitle')}</PageTitle>
      <Show value={setup}>
        {({ me }) => (me?.agency ? <AgencyCurves agencyId={me.agency.id} units={flatten(me.agency.orgUnits)} /> : <p>{t('noAgency')}</p>)}
      </Show>
    </section>
  );
}

function AgencyCurves({ agencyId, units }: { agencyId: string; units: readonly { id: string; name: string }[] }) {
  const [years] = useLoad(() => request(AgencyYearsDocument, { agencyId }), [agencyId]);
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [chosenPeriod, setPeriodId] = useState<string | undefined>(undefined);
  return (
    <Show value={years}>
      {({ performancePeriods }) => {
        const annual = performancePeriods.filter((period) => period.kind === 'ANNUAL').sort((a, b) => b.year - a.year);
        // Last year first: the year whose assessments are final.
        const thisYear = new Date().getFullYear();
        const periodId = chosenPeriod ?? (annual.find((period) => period.year < thisYear) ?? annual[0])?.id;
        return (
          <>
            <form class="filters" onSubmit={(e) => e.preventDefault()}>
              <label>
                {t('unit')}
                <select name="unit" value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
                  {units.map((unit) => (
                    <option key={unit.id} value={unit.id}>
                      {unit.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('year')}
                <select name="year" value={periodId} onChange={(e) => setPeriodId(e.currentTarget.value)}>
                  {annual.map((period) => (
                    <option key={period.id} value={period.id}>
                      {period.year}
                    </option>
                  ))}
                </select>
              </label>
            </form>
            {unitId && periodId ? <UnitCurve unitId={unitId} periodId={periodId} /> : <p>{t('noPeriods')}</p>}
          </>
        );
      }}
    </Show>
  );
}
