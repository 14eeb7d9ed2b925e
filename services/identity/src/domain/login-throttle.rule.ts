/** Login attempts counted for one key (an account, an unknown login identifier, a client address). */
export interface ThrottleState {
  /** Attempts reserved in the current window (a successful login gives its reservation back). */
  failures: number;
  windowStart: Date;
  blockedUntil: Date | null;
}

export interface ThrottlePolicy {
  /** Attempts allowed back to back in a window; after the last of them each further one waits 1 s, 2 s, 4 s … */
  freeFailures: number;
  windowMs: number;
  maxDelayMs: number;
}

export const IDENTIFIER_POLICY: ThrottlePolicy = { freeFailures: 5, windowMs: 15 * 60_000, maxDelayMs: 15 * 60_000 };
/** One address may be a whole office behind NAT: more room before slowing it down. */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 30, windowMs: 15 * 60_000, maxDelayMs: 5 * 60_000 };

/** A counter to reserve an attempt on, with the policy it follows. */
export interface ThrottleCounter {
  key: string;
  policy: ThrottlePolicy;
}

export type Admission =
  { admitted: true; next: ReadonlyMap<string, ThrottleState> } | { admitted: false; retryAfterSeconds: number; blockedKeys: readonly string[] };

/** Seconds to wait before another attempt is even checked; 0 when free to try. */
export function secondsUntilAllowed(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
}

/** A key's attempts count within a window; one that started before this instant is over. */
export function windowCutoff(now: Date, policy: ThrottlePolicy): Date {
  return new Date(now.getTime() - policy.windowMs);
}

/** The block after the n-th attempt of a window: from the last free one on, each doubles the wait (1 s, 2 s, 4 s …). */
export function blockedUntilAfter(attempts: number, now: Date, policy: ThrottlePolicy): Date | null {
  const over = attempts - policy.freeFailures + 1;
  return over > 0 ? new Date(now.getTime() + Math.min(1000 * 2 ** (over - 1), policy.maxDelayMs)) : null;
}

/**
 * Reserves one attempt on every counter at once, before the password is checked: admitted only
 * when no counter is blocked, and then each counts the attempt and blocks the next one as its
 * policy says. A refused attempt counts nowhere, so a blocked address does not lock the account.
 * The repository calls this with the counters' rows locked, which is what makes it race-free.
 */
export function admitAttempt(counters: readonly ThrottleCounter[], states: ReadonlyMap<string, ThrottleState | null>, now: Date): Admission {
  const current = new Map(
    counters.map(({ key, policy }) => {
      const state = states.get(key) ?? null;
      return [key, state && state.windowStart >= windowCutoff(now, policy) ? state : null] as const;
    }),
  );
  const waits = counters.map(({ key }) => [key, secondsUntilAllowed(current.get(key) ?? null, now)] as const).filter(([, wait]) => wait > 0);
  if (waits.length > 0) return { admitted: false, retryAfterSeconds: Math.max(...waits.map(([, wait]) => wait)), blockedKeys: waits.map(([key]) => key) };
  const next = new Map(
    counters.map(({ key, policy }) => {
      const state = current.get(key);
      const attempts = (state?.failures ?? 0) + 1;
      return [key, { failures: attempts, windowStart: state?.windowStart ?? now, blockedUntil: blockedUntilAfter(attempts, now, policy) }] as const;
    }),
  );
  return { admitted: true, next };
}

/** The admitted attempt that starts throttling a counter: audited, once per window and counter. */
export function startsThrottling(policy: ThrottlePolicy, next: ThrottleState): boolean {
  return next.failures === policy.freeFailures;
}

/** Counter keys: one per account whatever identifier was used, one per unknown identifier, one per address. */
export const ACCOUNT_KEY = 'account:';
export const UNKNOWN_LOGIN_KEY = 'login:';
export const ADDRESS_KEY = 'ip:';
/** Password resets tried from one address (a reset token cannot be guessed; this stops the trying). */
export const RESET_ADDRESS_KEY = 'reset-ip:';
export const RESET_ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 10, windowMs: 15 * 60_000, maxDelayMs: 15 * 60_000 };
