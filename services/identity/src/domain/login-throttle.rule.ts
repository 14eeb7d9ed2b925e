/** Failed-login counter for one key (a login identifier or a client address). */
export interface ThrottleState {
  failures: number;
  windowStart: Date;
  blockedUntil: Date | null;
}

export interface ThrottlePolicy {
  /** Failures allowed in a window before each further one adds a growing delay. */
  freeFailures: number;
  windowMs: number;
  maxDelayMs: number;
}

export const IDENTIFIER_POLICY: ThrottlePolicy = { freeFailures: 5, windowMs: 15 * 60_000, maxDelayMs: 15 * 60_000 };
/** One address may be a whole office behind NAT: more room before slowing it down. */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 30, windowMs: 15 * 60_000, maxDelayMs: 5 * 60_000 };

/** Seconds to wait before another attempt is even checked; 0 when free to try. */
export function secondsUntilAllowed(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000));
}

/**
 * A key's failures count within a window; one that started before this instant is over, and the
 * next failure starts a new one (the repository applies this in its atomic count).
 */
export function windowCutoff(now: Date, policy: ThrottlePolicy): Date {
  return new Date(now.getTime() - policy.windowMs);
}

/** The block after the n-th failure of a window: past the free failures, each doubles the wait (1 s, 2 s, 4 s …). */
export function blockedUntilAfter(failures: number, now: Date, policy: ThrottlePolicy): Date | null {
  const over = failures - policy.freeFailures;
  return over > 0 ? new Date(now.getTime() + Math.min(1000 * 2 ** (over - 1), policy.maxDelayMs)) : null;
}
