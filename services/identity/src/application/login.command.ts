import type { AuditContext } from '@kinerja/database';
import { UnauthenticatedError } from '@kinerja/errors';

import type { PasswordHasher } from '../domain/account';
import { normaliseEmail } from '../domain/employee';
import { ACCOUNT_KEY, ADDRESS_KEY, ADDRESS_POLICY, IDENTIFIER_POLICY, type ThrottleCounter, UNKNOWN_LOGIN_KEY } from '../domain/login-throttle.rule';
import type { AccountRepository } from '../domain/repositories';
import type { Clock } from '../domain/token-issuer';
import type { Session, SessionIssuer } from './session-issuer';

export interface LoginInput {
  /** An 18-digit NIP or an e-mail address. */
  identifier: string;
  password: string;
  /** The real client's address, as the trusted proxies in front of the gateway reported it. */
  clientAddress: string;
  requestId: string;
}

/**
 * Unknown user and wrong password give the same answer in about the same time (the hash is
 * checked against a dummy when there is no account). Every attempt is first reserved on the
 * account's counter (one per account, by NIP or e-mail alike; per identifier when there is no
 * account) and on the client address's counter; only an admitted attempt has its password
 * checked, so parallel guesses cannot outrun the count. The address is the real client's, never
 * the gateway's or the ingress's, so failures elsewhere never lock out an unrelated account.
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
    const access = await this.accounts.byLoginIdentifier(identifier);
    const accountId = access?.account.id ?? null;
    const agencyId = access?.employeeAgencyId ?? null;
    const accountKey = accountId ? `${ACCOUNT_KEY}${accountId}` : `${UNKNOWN_LOGIN_KEY}${identifier}`;
    const address: ThrottleCounter = { key: `${ADDRESS_KEY}${input.clientAddress}`, policy: ADDRESS_POLICY };
    const audit: AuditContext = { actorUserId: accountId, requestId: input.requestId };
    const details = { clientAddress: input.clientAddress };

    const admission = await this.accounts.reserveLoginAttempt([{ key: accountKey, policy: IDENTIFIER_POLICY }, address], this.clock.now(), {
      context: audit,
      agencyId,
    });
    if (!admission.admitted) {
      const wait = admission.retryAfterSeconds;
      throw new UnauthenticatedError(`Too many failed logins; try again in ${wait} s`, { reason: 'THROTTLED', retryAfterSeconds: wait });
    }

    this.dummyHash ??= this.hasher.hash('no account has this password');
    const valid = await this.hasher.verify(input.password, access?.account.passwordHash ?? (await this.dummyHash));
    if (!access || !valid) {
      if (accountId) {
        await this.accounts.audit(audit, { action: 'login.failed', entityType: 'UserAccount', entityId: accountId, agencyId, before: null, after: details });
      }
      throw new UnauthenticatedError('Invalid login or password', { reason: 'INVALID_CREDENTIALS' });
    }
    await this.accounts.loginSucceeded(accountKey, address, audit, {
      action: 'login.succeeded',
      entityType: 'UserAccount',
      entityId: access.account.id,
      agencyId,
      before: null,
      after: { ...details, passwordChangeRequired: access.account.passwordChangeRequired },
    });
    return this.sessions.issue(access);
  }
}
