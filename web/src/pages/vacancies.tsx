import { PublicVacanciesDocument, SelectionResultsDocument } from '@kinerja/client';
import { useState } from 'preact/hooks';

import { request } from '../api';
import { PageTitle, Show, useLoad } from '../components';
import { label, t } from '../i18n';

function Results({ vacancyId }: { vacancyId: string }) {
  const [results] = useLoad(() => request(SelectionResultsDocument, { vacancyId }), [vacancyId]);
  return (
    <div aria-live="polite">
      <Show value={results}>
        {({ selectionResults }) =>
          selectionResults.stages.length === 0 ? (
            <p>{t('noResults')}</p>
          ) : (
            selectionResults.stages.map((stage) => (
              <section key={stage.stage}>
                <h3>{label(stage.stage)}</h3>
                <p class="loading">{t('objectionCloses', new Date(stage.objectionClosesAt).toLocaleDateString())}</p>
                <table>
                  <tbody>
                    {stage.entries.nodes.map((entry) => (
                      <tr key={entry.registrationNumber}>
                        <td>{entry.rank ?? ''}</td>
                        <td>{entry.registrationNumber}</td>
                        <td>{entry.name}</td>
                        <td>{entry.outcome}</td>
                        <td>{entry.finalScore ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))
          )
        }
      </Show>
    </div>
  );
}

/** Public: the published vacancies and, for each, its announced results (hasil seleksi). */
export function Vacancies() {
  const [vacancies] = useLoad(() => request(PublicVacanciesDocument, { first: 20 }), []);
  const [open, setOpen] = useState<string | undefined>(undefined);
  return (
    <section>
      <PageTitle>{t('vacanciesTitle')}</PageTitle>
      <Show value={vacancies}>
        {({ publicVacancies }) =>
          publicVacancies.nodes.length === 0 ? (
            <p>{t('noVacancies')}</p>
          ) : (
            publicVacancies.nodes.map((vacancy) => (
              <article class="card" key={vacancy.id}>
                <h2>{vacancy.title}</h2>
                <p>
                  {t('education')}: {vacancy.education} · {t('age', vacancy.minAge, vacancy.maxAge)} · {t('quota')}: {vacancy.quota}
                </p>
                <button type="button" aria-expanded={open === vacancy.id} onClick={() => setOpen(open === vacancy.id ? undefined : vacancy.id)}>
                  {t('showResults')}
                </button>
                {open === vacancy.id && <Results vacancyId={vacancy.id} />}
              </article>
            ))
          )
        }
      </Show>
    </section>
  );
}
