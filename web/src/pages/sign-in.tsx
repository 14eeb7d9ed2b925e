import { ChangePasswordDocument, SignInDocument } from '@kinerja/client';
import { useState } from 'preact/hooks';

import { request, requestWithToken, setSession } from '../api';
import { ErrorMessage, PageTitle } from '../components';
import { t } from '../i18n';

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  // A password HR issued: the sign-in's token is good for changing it, nothing else.
  const [changeToken, setChangeToken] = useState<string | undefined>(undefined);

  const signIn = async (secret: string) => {
    const byNip = /^\d{18}$/.test(login.trim());
    const { login: payload } = await request(SignInDocument, { input: { ...(byNip ? { nip: login.trim() } : { email: login.trim() }), password: secret } });
    if (payload.passwordChangeRequired) {
      setChangeToken(payload.accessToken);
      return;
    }
    const roles = payload.viewer.roles.map((grant) => grant.role);
    setSession({ token: payload.accessToken, name: payload.viewer.employee?.name ?? login, roles });
    onSignedIn();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(password);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (changeToken) {
    return (
      <NewPassword
        title={t('changePasswordTitle')}
        intro={t('changePasswordIntro')}
        save={async (newPassword) => {
          await requestWithToken(changeToken)(ChangePasswordDocument, { input: { oldPassword: password, newPassword } });
          // Changed: back to the sign-in form, signing in with the new password (its error shows there).
          setChangeToken(undefined);
          setPassword(newPassword);
          await signIn(newPassword).catch((caught: unknown) => setError(caught));
        }}
      />
    );
  }

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

/** A new password, typed twice; `save` sends it (its errors are shown as sentences with their code). */
export function NewPassword({ title, intro, save }: { title: string; intro: string; save: (newPassword: string) => Promise<void> }) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [mismatch, setMismatch] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setMismatch(first !== second);
    if (first !== second) return;
    setBusy(true);
    setError(undefined);
    try {
      await save(first);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <PageTitle>{title}</PageTitle>
      <p>{intro}</p>
      <form onSubmit={submit} aria-busy={busy}>
        <label>
          {t('newPassword')}
          <input
            name="new-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={first}
            onInput={(e) => setFirst(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('repeatPassword')}
          <input
            name="repeat-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={second}
            onInput={(e) => setSecond(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('savePassword')}
        </button>
        <div aria-live="assertive">
          {mismatch && (
            <p class="error" role="alert">
              {t('passwordsDiffer')}
            </p>
          )}
          {error !== undefined && <ErrorMessage error={error} />}
        </div>
      </form>
    </section>
  );
}
