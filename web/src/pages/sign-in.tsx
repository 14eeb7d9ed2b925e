import { SignInDocument } from '@kinerja/client';
import { useState } from 'preact/hooks';

import { request, setSession } from '../api';
import { ErrorMessage, PageTitle } from '../components';
import { t } from '../i18n';

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const byNip = /^\d{18}$/.test(login.trim());
      const { login: payload } = await request(SignInDocument, { input: { ...(byNip ? { nip: login.trim() } : { email: login.trim() }), password } });
      const roles = payload.viewer.roles.map((grant) => grant.role);
      setSession({ token: payload.accessToken, name: payload.viewer.employee?.name ?? login, roles });
      onSignedIn();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <PageTitle>{t('signInTitle')}</PageTitle>
      <form onSubmit={submit} aria-busy={busy}>
        <label>
          {t('login')}
          <input name="login" autoComplete="username" required value={login} onInput={(e) => setLogin(e.currentTarget.value)} />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
        <div aria-live="assertive">{error !== undefined && <ErrorMessage error={error} />}</div>
        <p class="loading">{t('demoHint')}</p>
      </form>
    </section>
  );
}
