import { VerifyCertificateDocument, type VerifyCertificateQuery } from '@kinerja/client';
import { useState } from 'preact/hooks';

import { request } from '../api';
import { ErrorMessage, Loading, PageTitle } from '../components';
import { t } from '../i18n';

/** Public: anyone checks a training certificate's number; the holder's name comes masked. */
export function Certificate() {
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<
    { kind: 'busy' } | { kind: 'done'; value: VerifyCertificateQuery['verifyCertificate'] } | { kind: 'failed'; error: unknown }
  >();

  const check = async (event: Event) => {
    event.preventDefault();
    setResult({ kind: 'busy' });
    try {
      setResult({ kind: 'done', value: (await request(VerifyCertificateDocument, { number: number.trim() })).verifyCertificate });
    } catch (error) {
      setResult({ kind: 'failed', error });
    }
  };

  return (
    <section>
      <PageTitle>{t('certificateTitle')}</PageTitle>
      <form onSubmit={check}>
        <label>
          {t('certificateNumber')}
          <input name="number" required value={number} onInput={(e) => setNumber(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('check')}</button>
      </form>
      <div aria-live="polite">
        {result?.kind === 'busy' && <Loading />}
        {result?.kind === 'failed' && <ErrorMessage error={result.error} />}
        {result?.kind === 'done' &&
          (result.value.valid ? (
            <p class="success" role="status">
              {t('certificateValid', result.value.programTitle ?? '', result.value.jp ?? 0, result.value.completedOn ?? '', result.value.holderName ?? '')}
            </p>
          ) : (
            <p class="error" role="status">
              {t('certificateInvalid')}
            </p>
          ))}
      </div>
    </section>
  );
}
