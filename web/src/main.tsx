import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { session, setSession } from './api';
import { type Language, language, setLanguage, t } from './i18n';
import { Assess } from './pages/assess';
import { Certificate } from './pages/certificate';
import { Distribution } from './pages/distribution';
import { EmployeeImport } from './pages/employee-import';
import { ResetPassword } from './pages/reset-password';
import { SignIn } from './pages/sign-in';
import { Skp } from './pages/skp';
import { Survey } from './pages/survey';
import { TeamDashboard } from './pages/team-dashboard';
import { Vacancies } from './pages/vacancies';
import { useSignal } from './signal';

/** Pages by hash route; `signedIn` pages ask for a session first. */
const PAGES = {
  '#/team': { title: 'navTeam', signedIn: true, render: () => <TeamDashboard /> },
  '#/skp': { title: 'navSkp', signedIn: true, render: () => <Skp /> },
  '#/distribution': { title: 'navDistribution', signedIn: true, roles: ['HR_ADMIN', 'PROVINCE_ADMIN', 'AUDITOR'], render: () => <Distribution /> },
  '#/assess': { title: 'navAssess', signedIn: true, hidden: true, render: () => <Assess planId={location.hash.split('/')[2] ?? ''} /> },
  '#/reset': { title: 'navReset', signedIn: false, hidden: true, render: () => <ResetPassword token={location.hash.split('/')[2] ?? ''} /> },
  '#/import': { title: 'navImport', signedIn: true, roles: ['HR_ADMIN', 'PROVINCE_ADMIN'], render: () => <EmployeeImport /> },
  '#/vacancies': { title: 'navVacancies', signedIn: false, render: () => <Vacancies /> },
  '#/survey': { title: 'navSurvey', signedIn: false, render: () => <Survey unit={location.hash.split('/')[2] ?? ''} /> },
  '#/certificate': { title: 'navCertificate', signedIn: false, render: () => <Certificate /> },
} as const;

type Route = keyof typeof PAGES | '#/sign-in';

/** `#/survey/<orgUnitId>` is the survey page with its unit (the QR code's link); `#/assess/<planId>` a subordinate's assessment;
 * `#/reset/<token>` the reset link HR issued. */
function currentRoute(): Route {
  const hash = (location.hash || '#/sign-in').split('/').slice(0, 2).join('/');
  return hash in PAGES || hash === '#/sign-in' ? (hash as Route) : '#/sign-in';
}

function App() {
  useSignal(language);
  const user = useSignal(session);
  const [route, setRoute] = useState<Route>(currentRoute());
  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${route === '#/sign-in' ? t('signIn') : t(PAGES[route].title)} — Kinerja`;
  }, [route, language.get()]);

  const page = route === '#/sign-in' ? undefined : PAGES[route];
  const signIn = (
    <SignIn
      onSignedIn={() => {
        location.hash = '#/team';
      }}
    />
  );
  return (
    <>
      <a class="visually-hidden" href="#main">
        {t('skipToContent')}
      </a>
      <header>
        <span class="brand">{t('appName')}</span>
        <nav aria-label="Kinerja">
          <ul>
            {(Object.keys(PAGES) as (keyof typeof PAGES)[])
              .filter((key) => !('hidden' in PAGES[key]) && (!PAGES[key].signedIn || user))
              .filter((key) => {
                const page = PAGES[key];
                return !('roles' in page) || page.roles.some((role) => user?.roles.includes(role));
              })
              .map((key) => (
                <li key={key}>
                  <a href={key} aria-current={route === key ? 'page' : undefined}>
                    {t(PAGES[key].title)}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <label>
          <span class="visually-hidden">{t('language')}</span>
          <select name="language" value={language.get()} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
        {user ? (
          <button
            type="button"
            onClick={() => {
              setSession(undefined);
              location.hash = '#/sign-in';
            }}
          >
            {t('signOut')} ({user.name})
          </button>
        ) : (
          <a href="#/sign-in">{t('signIn')}</a>
        )}
      </header>
      <main id="main">{!page ? signIn : page.signedIn && !user ? [<p key="hint">{t('needsSignIn')}</p>, signIn] : page.render()}</main>
    </>
  );
}

document.documentElement.lang = language.get();
const root = document.getElementById('app')!;
// The page's own "Memuat…" until the bundle runs: render() diffs against it rather than replacing it.
root.textContent = '';
render(<App />, root);
