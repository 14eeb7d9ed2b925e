import { ResetPasswordDocument } from '@kinerja/client';
import { useState } from 'preact/hooks';

import { request } from '../api';
import { PageTitle } from '../components';
import { t } from '../i18n';
import { NewPassword } from './sign-in';

/**
 * `#/reset/<token>`: the one-time link HR issued (issuePasswordReset). The holder chooses a password
 * without signing in; the token works once, for 24 hours, and a newer link voids it.
 */
export function ResetPassword({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <section>
        <PageTitle>{t('resetDoneTitle')}</PageTitle>
        <p class="success" role="status">
          {t('resetDone')}
        </p>
        <a href="#/sign-in">{t('signIn')}</a>
      </section>
    );
  }
  return (
    <NewPassword
      title={t('resetTitle')}
      intro={t('resetIntro')}
      save={async (newPassword) => {
        await request(ResetPasswordDocument, { input: { token, newPassword } });
        setDone(true);
      }}
    />
  );
}
