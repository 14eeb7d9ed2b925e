import { UnauthenticatedError } from '@kinerja/errors';

import type { PasswordHasher } from '../domain/account';
import { normaliseEmail } from '../domain/employee';
import { ADDRESS_POLICY, blockedUntilAfter, IDENTIFIER_POLICY, secondsUntilAllowed, type ThrottlePolicy, windowCutoff } from '../domain/login-throttle.rule';
import type { AccountRepository } from '../domain/repositories';
import type { Clock } from '../domain/token-issuer';
import type { Session, SessionIssuer } from './session-issuer';

export interface LoginInput {
  /** An 18-digit NIP or an e-mail address. */
  identifier: string;
  password: string;
  clientAddress: string;
}

/**
 * Unknown user and wrong password give the same answer in about the same time (the hash is
 * checked against a dummy when there is no account). Failures slow down further attempts per
 * identifier and per client address, whether or not the account exists.
 */
export class Login {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
  ) {}

  async execute(input: LoginInput): Promise<Session> {
    const identifier = input.identifier.includes('@') ? normaliseEmail(input.identifier) : input.identifier.replace(/\s+/g, '');
    const idKey = `id:${identifier}`;
    const policies = new Map([
      [idKey, IDENTIFIER_POLICY],
      [`ip:${input.clientAddress}`, ADDRESS_POLICY],
    ]);
    const keys = [...policies.keys()];
    const now = this.clock.now();
    const states = await this.accounts.throttleStates(keys);
    const wait = Math.max(...keys.map((key) => secondsUntilAllowed(states.get(key) ?? null, now)));
    if (wait > 0) throw new UnauthenticatedError(`Too many failed logins; try again in ${wait} s`, { reason: 'THROTTLED', retryAfterSeconds: wait });

    const access = await this.accounts.byLoginIdentifier(identifier);
    this.dummyHash ??= this.hasher.hash('no account has this password');
    const valid = await this.hasher.verify(input.password, access?.account.passwordHash ?? (await this.dummyHash));
    if (!access || !valid) {
      await this.recordFailure(policies, now);
      throw new UnauthenticatedError('Invalid login or password', { reason: 'INVALID_CREDENTIALS' });
    }
    await this.accounts.clearThrottle([idKey]);
    return this.sessions.issue(access);
  }

  /** Counts the failure per key, then blocks each key its policy says is over its free failures. */
  private async recordFailure(policies: ReadonlyMap<string, ThrottlePolicy>, now: Date): Promise<void> {
    const counted = await this.accounts.countFailures(
      [...policies].map(([key, policy]) => ({ key, windowCutoff: windowCutoff(now, policy) })),
      now,
    );
    const blocks = new Map<string, Date>();
    for (const [key, policy] of policies) {
      const until = blockedUntilAfter(counted.get(key)?.failures ?? 0, now, policy);
      if (until) blocks.set(key, until);
    }
    if (blocks.size > 0) await this.accounts.blockUntil(blocks);
  }
}
