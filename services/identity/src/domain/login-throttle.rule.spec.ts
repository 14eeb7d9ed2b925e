import { ADDRESS_POLICY, blockedUntilAfter, IDENTIFIER_POLICY, secondsUntilAllowed, type ThrottlePolicy, windowCutoff } from './login-throttle.rule';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const afterFailures = (failures: number, policy: ThrottlePolicy) => ({ failures, windowStart: t0, blockedUntil: blockedUntilAfter(failures, t0, policy) });

describe('login throttle', () => {
  it.each<[string, number, number, ThrottlePolicy]>([
    ['login', 1, 0, IDENTIFIER_POLICY],
    ['login', 5, 0, IDENTIFIER_POLICY],
    ['login', 6, 1, IDENTIFIER_POLICY],
    ['login', 7, 2, IDENTIFIER_POLICY],
    ['login', 10, 16, IDENTIFIER_POLICY],
    ['login', 20, 900, IDENTIFIER_POLICY], // capped at 15 minutes
    ['address', 30, 0, ADDRESS_POLICY],
    ['address', 31, 1, ADDRESS_POLICY],
    ['address', 60, 300, ADDRESS_POLICY], // capped at 5 minutes
  ])('per %s, after %i failures the next attempt waits %i s', (_key, failures, wait, policy) => {
    expect(secondsUntilAllowed(afterFailures(failures, policy), t0)).toBe(wait);
  });

  it('ends a window after its length', () => {
    expect(windowCutoff(at(IDENTIFIER_POLICY.windowMs + 1), IDENTIFIER_POLICY).getTime()).toBeGreaterThan(t0.getTime());
    expect(windowCutoff(at(IDENTIFIER_POLICY.windowMs), IDENTIFIER_POLICY).getTime()).toBe(t0.getTime());
  });

  it('lets the wait run out', () => {
    expect(secondsUntilAllowed(afterFailures(7, IDENTIFIER_POLICY), at(2_000))).toBe(0);
  });
});
