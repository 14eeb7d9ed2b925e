import { IDENTIFIER_POLICY, recordFailure, secondsUntilAllowed, type ThrottleState } from './login-throttle.rule';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(count: number): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < count; i += 1) state = recordFailure(state, t0, IDENTIFIER_POLICY);
  return state;
}

describe('login throttle', () => {
  it.each([
    [1, 0],
    [5, 0],
    [6, 1],
    [7, 2],
    [10, 16],
    [20, 900], // capped at 15 minutes
  ])('after %i failures the next attempt waits %i s', (failures, wait) => {
    expect(secondsUntilAllowed(failTimes(failures), t0)).toBe(wait);
  });

  it('forgets failures once the window has passed', () => {
    const state = recordFailure(failTimes(9), at(IDENTIFIER_POLICY.windowMs + 1), IDENTIFIER_POLICY);
    expect(state.failures).toBe(1);
    expect(state.blockedUntil).toBeNull();
  });

  it('lets the wait run out', () => {
    expect(secondsUntilAllowed(failTimes(7), at(2_000))).toBe(0);
  });
});
