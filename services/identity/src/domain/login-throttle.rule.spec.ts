import {
  ADDRESS_POLICY,
  admitAttempt,
  blockedUntilAfter,
  IDENTIFIER_POLICY,
  secondsUntilAllowed,
  startsThrottling,
  type ThrottleCounter,
  type ThrottlePolicy,
  type ThrottleState,
  windowCutoff,
} from './login-throttle.rule';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const afterAttempts = (failures: number, policy: ThrottlePolicy): ThrottleState => ({
  failures,
  windowStart: t0,
  blockedUntil: blockedUntilAfter(failures, t0, policy),
});

const account: ThrottleCounter = { key: 'account:a1', policy: IDENTIFIER_POLICY };
const address: ThrottleCounter = { key: 'ip:10.0.0.1', policy: ADDRESS_POLICY };

describe('login throttle', () => {
  it.each<[string, number, number, ThrottlePolicy]>([
    ['login', 1, 0, IDENTIFIER_POLICY],
    ['login', 4, 0, IDENTIFIER_POLICY],
    ['login', 5, 1, IDENTIFIER_POLICY],
    ['login', 6, 2, IDENTIFIER_POLICY],
    ['login', 9, 16, IDENTIFIER_POLICY],
    ['login', 20, 900, IDENTIFIER_POLICY], // capped at 15 minutes
    ['address', 29, 0, ADDRESS_POLICY],
    ['address', 30, 1, ADDRESS_POLICY],
    ['address', 60, 300, ADDRESS_POLICY], // capped at 5 minutes
  ])('per %s, after %i attempts the next one waits %i s', (_key, attempts, wait, policy) => {
    expect(secondsUntilAllowed(afterAttempts(attempts, policy), t0)).toBe(wait);
  });

  it('ends a window after its length', () => {
    expect(windowCutoff(at(IDENTIFIER_POLICY.windowMs + 1), IDENTIFIER_POLICY).getTime()).toBeGreaterThan(t0.getTime());
    expect(windowCutoff(at(IDENTIFIER_POLICY.windowMs), IDENTIFIER_POLICY).getTime()).toBe(t0.getTime());
  });

  it('lets the wait run out', () => {
    expect(secondsUntilAllowed(afterAttempts(6, IDENTIFIER_POLICY), at(2_000))).toBe(0);
  });
});

describe('admitAttempt', () => {
  const states = (entries: Record<string, ThrottleState | null>) => new Map(Object.entries(entries));

  it.each<[string, ThrottleState | null, ThrottleState | null, boolean, number]>([
    ['first attempt ever', null, null, true, 0],
    ['account has attempts left', afterAttempts(4, IDENTIFIER_POLICY), afterAttempts(10, ADDRESS_POLICY), true, 0],
    ['account blocked', afterAttempts(5, IDENTIFIER_POLICY), null, false, 1],
    ['address blocked', null, afterAttempts(31, ADDRESS_POLICY), false, 2],
    ['both blocked: the longer wait', afterAttempts(9, IDENTIFIER_POLICY), afterAttempts(30, ADDRESS_POLICY), false, 16],
  ])('%s', (_case, accountState, addressState, admitted, wait) => {
    const result = admitAttempt([account, address], states({ [account.key]: accountState, [address.key]: addressState }), t0);
    expect(result.admitted).toBe(admitted);
    if (!result.admitted) expect(result.retryAfterSeconds).toBe(wait);
  });

  it('counts the attempt on every counter and blocks the next one after the last free attempt', () => {
    const result = admitAttempt([account, address], states({ [account.key]: afterAttempts(4, IDENTIFIER_POLICY), [address.key]: null }), at(10));
    expect(result).toEqual({
      admitted: true,
      next: new Map([
        [account.key, { failures: 5, windowStart: t0, blockedUntil: at(1_010) }],
        [address.key, { failures: 1, windowStart: at(10), blockedUntil: null }],
      ]),
    });
  });

  it('counts a refused attempt nowhere, naming the blocked counters', () => {
    const result = admitAttempt([account, address], states({ [account.key]: afterAttempts(5, IDENTIFIER_POLICY), [address.key]: null }), t0);
    expect(result).toEqual({ admitted: false, retryAfterSeconds: 1, blockedKeys: [account.key] });
  });

  it('starts a new window once the old one has passed, block included', () => {
    const later = at(IDENTIFIER_POLICY.windowMs + 1);
    const result = admitAttempt(
      [account],
      states({ [account.key]: { failures: 20, windowStart: t0, blockedUntil: at(IDENTIFIER_POLICY.windowMs + 60_000) } }),
      later,
    );
    expect(result).toEqual({ admitted: true, next: new Map([[account.key, { failures: 1, windowStart: later, blockedUntil: null }]]) });
  });

  it('admits exactly the free attempts of a burst, one after another on the locked row', () => {
    let state: ThrottleState | null = null;
    let admitted = 0;
    for (let i = 0; i < 50; i += 1) {
      const result = admitAttempt([account], states({ [account.key]: state }), t0);
      if (result.admitted) {
        admitted += 1;
        state = result.next.get(account.key) ?? null;
      }
    }
    expect(admitted).toBe(IDENTIFIER_POLICY.freeFailures);
  });

  it('names the attempt that starts throttling a counter, once per window', () => {
    const starts = [1, 4, 5, 6, 20].filter((attempts) => startsThrottling(IDENTIFIER_POLICY, afterAttempts(attempts, IDENTIFIER_POLICY)));
    expect(starts).toEqual([5]);
  });
});
