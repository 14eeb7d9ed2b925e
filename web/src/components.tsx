import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import { describeError } from './api';
import { t } from './i18n';

export type Loadable<T> = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; value: T };

/** Runs `load` whenever a dependency changes; the last call wins. */
export function useLoad<T>(load: () => Promise<T>, dependencies: unknown[]): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => current && setResult({ state: 'ready', value }),
      (error: unknown) => current && setResult({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [...dependencies, round]);
  return [result, () => setRound((n) => n + 1)];
}

/** Errors are announced (role=alert) and sentences, with the code beside them. */
export function ErrorMessage({ error }: { error: unknown }) {
  return (
    <p class="error" role="alert">
      {describeError(error)}
    </p>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}

export function Show<T>({ value, children }: { value: Loadable<T>; children: (value: T) => ComponentChildren }) {
  if (value.state === 'loading') return <Loading />;
  if (value.state === 'failed') return <ErrorMessage error={value.error} />;
  return <>{children(value.value)}</>;
}

/** A page's heading takes the focus when the page opens, so that screen readers announce it. */
export function PageTitle({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
