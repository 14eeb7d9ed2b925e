import { createClient, GraphQLRequestError } from '@kinerja/client';

import { errorSentence, language } from './i18n';
import { signal } from './signal';

export interface Session {
  token: string;
  name: string;
  roles: string[];
}

function storedSession(): Session | undefined {
  const raw = globalThis.sessionStorage?.getItem('kinerja.session');
  return raw ? (JSON.parse(raw) as Session) : undefined;
}

export const session = signal<Session | undefined>(storedSession());

export function setSession(next: Session | undefined): void {
  if (next) sessionStorage.setItem('kinerja.session', JSON.stringify(next));
  else sessionStorage.removeItem('kinerja.session');
  session.set(next);
}

/** The gateway on the same origin: the web app is served by it at /app/. */
export const request = createClient({ url: '/graphql', token: () => session.get()?.token, language: () => language.get() });

/** Requests with a token that is not the session's (the sign-in's password-change token). */
export const requestWithToken = (token: string) => createClient({ url: '/graphql', token: () => token, language: () => language.get() });

/** What an error screen shows: a sentence per error, the stable code beside it. */
export function describeError(error: unknown): string {
  if (error instanceof GraphQLRequestError) {
    return error.errors.map((entry) => `${errorSentence(entry)} (${entry.code})`).join(' ');
  }
  return errorSentence({ code: 'INTERNAL_SERVER_ERROR', message: error instanceof Error ? error.message : String(error) });
}
