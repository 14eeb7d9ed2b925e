import { randomBytes } from 'node:crypto';

import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';

import { accountAdminVerdict } from '../domain/account-admin.rule';
import { PASSWORD_RESET_TTL_MS } from '../domain/password-reset';
import type { AccountRepository } from '../domain/repositories';
import type { Clock, IdGenerator } from '../domain/token-issuer';
import { type Actor, auditContextOf } from './actor';
import { hashRefreshToken } from './session-issuer';

export interface IssuedPasswordReset {
  userId: string;
  /** Shown once, to be handed to the account's holder; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

/**
 * HR (of the account's agency; the province admin anywhere) issues a one-time reset for an account
 * whose holder forgot the password: HR hands over the link and never sees or chooses the password.
 * A newer reset voids the earlier ones. Another agency's account answers like an unknown one.
 */
export class IssuePasswordReset {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, userId: string): Promise<IssuedPasswordReset> {
    assertAuthenticated(actor.viewer);
    const target = await this.accounts.managedById(userId);
    const verdict = target ? accountAdminVerdict(actor.viewer, target.agencyId) : 'NOT_FOUND';
    if (verdict === 'FORBIDDEN') throw new ForbiddenError("Only the HR admin of the account's agency or the province admin issues a password reset");
    if (!target || verdict === 'NOT_FOUND') throw new NotFoundError('UserAccount', userId, 'userId');
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    await this.accounts.issuePasswordReset(
      { id: this.ids.newId(), userId: target.account.id, expiresAt, issuedBy: actor.viewer.userId },
      hashRefreshToken(token),
      now,
      auditContextOf(actor),
      target.agencyId,
    );
    return { userId: target.account.id, token, expiresAt };
  }
}
