import { UnauthenticatedError, ValidationError } from '@kinerja/errors';

import { type PasswordHasher } from '../domain/account';
import { newPasswordProblem } from '../domain/account-admin.rule';
import { RESET_ADDRESS_KEY, RESET_ADDRESS_POLICY } from '../domain/login-throttle.rule';
import { resetTokenRefusal } from '../domain/password-reset';
import type { AccountRepository } from '../domain/repositories';
import type { Clock } from '../domain/token-issuer';
import { hashRefreshToken } from './session-issuer';

export interface ResetPasswordInput {
  token: string;
  newPassword: string;
  /** The real client's address (as for a login): the throttle's key. */
  clientAddress: string;
  requestId: string;
}

const invalidToken = () => new UnauthenticatedError('The reset link is unknown, used, replaced by a newer one or expired', { reason: 'INVALID_RESET_TOKEN' });

/**
 * Anyone holding a reset link HR issued sets the account's password, once. Like a login, each
 * attempt is first reserved on the client address's counter, so links cannot be tried in bulk;
 * a weak password is refused before the link is spent. Setting it revokes every refresh token of
 * the account, clears a forced change (the holder chose this one) and is audited.
 */
export class ResetPassword {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(input: ResetPasswordInput): Promise<boolean> {
    const now = this.clock.now();
    const admission = await this.accounts.reserveLoginAttempt([{ key: `${RESET_ADDRESS_KEY}${input.clientAddress}`, policy: RESET_ADDRESS_POLICY }], now, {
      context: { actorUserId: null, requestId: input.requestId },
      agencyId: null,
    });
    if (!admission.admitted) {
      const wait = admission.retryAfterSeconds;
      throw new UnauthenticatedError(`Too many password resets tried; try again in ${wait} s`, { reason: 'THROTTLED', retryAfterSeconds: wait });
    }
    const problem = newPasswordProblem('', input.newPassword);
    if (problem) throw new ValidationError({ field: 'input.newPassword', message: problem });
    const reset = await this.accounts.passwordResetByHash(hashRefreshToken(input.token));
    if (!reset || resetTokenRefusal(reset, now) !== null) throw invalidToken();
    const passwordHash = await this.hasher.hash(input.newPassword);
    // The holder of the link acts as the account's owner.
    const spent = await this.accounts.completePasswordReset(reset, passwordHash, now, { actorUserId: reset.userId, requestId: input.requestId });
    if (!spent) throw invalidToken();
    return true;
  }
}
