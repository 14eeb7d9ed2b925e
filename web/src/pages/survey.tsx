import { CitizenSurveyTokenDocument, type CitizenSurveyTokenQuery, SubmitCitizenSurveyDocument } from '@kinerja/client';
import { useState } from 'preact/hooks';

import { request } from '../api';
import { ErrorMessage, PageTitle } from '../components';
import { label, t } from '../i18n';

type Token = CitizenSurveyTokenQuery['citizenSurveyToken'];

/**
 * Public: a citizen rates a service unit on the nine IKM elements with a one-time token. The unit
 * comes from the QR code at its counter (#/survey/<orgUnitId>), or is typed in.
 */
export function Survey({ unit }: { unit: string }) {
  const [unitId, setUnitId] = useState(unit);
  const [token, setToken] = useState<Token | undefined>(undefined);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' } | { kind: 'failed'; error: unknown }>({ kind: 'idle' });

  const start = async (event: Event) => {
    event.preventDefault();
    setState({ kind: 'busy' });
    try {
      setToken((await request(CitizenSurveyTokenDocument, { orgUnitId: unitId })).citizenSurveyToken);
      setScores({});
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!token) return;
    setState({ kind: 'busy' });
    try {
      const answers = token.elements.map((element) => ({ element, score: scores[element] ?? 0 }));
      await request(SubmitCitizenSurveyDocument, { input: { token: token.token, answers, ...(comment ? { comment } : {}) } });
      setState({ kind: 'done' });
      setToken(undefined);
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  return (
    <section>
      <PageTitle>{t('surveyTitle')}</PageTitle>
      <form onSubmit={start}>
        <label>
          {t('serviceUnit')}
          <input name="unit" required value={unitId} onInput={(e) => setUnitId(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('startSurvey')}</button>
      </form>
      {token && (
        <form onSubmit={submit} aria-busy={state.kind === 'busy'}>
          <p class="loading">{t('score')}</p>
          {token.elements.map((element) => (
            <fieldset key={element}>
              <legend>{label(element)}</legend>
              {[1, 2, 3, 4].map((score) => (
                <label key={score} style="display:inline-flex;gap:0.25rem;margin-right:0.75rem">
                  <input
                    type="radio"
                    name={element}
                    value={score}
                    required
                    checked={scores[element] === score}
                    onChange={() => setScores({ ...scores, [element]: score })}
                  />
                  {score}
                </label>
              ))}
            </fieldset>
          ))}
          <label>
            {t('comment')}
            <textarea name="comment" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('submit')}</button>
        </form>
      )}
      <div aria-live="polite">
        {state.kind === 'done' && (
          <p class="success" role="status">
            {t('surveyThanks')}
          </p>
        )}
        {state.kind === 'failed' && <ErrorMessage error={state.error} />}
      </div>
    </section>
  );
}
