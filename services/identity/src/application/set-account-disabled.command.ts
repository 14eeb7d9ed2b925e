import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import { accountAdminVerdict } from '../domain/account-admin.rule';
import type { AccountRepository } from '../domain/repositories';
import type { Clock } from '../domain/token-issuer';
import { type Actor, auditContextOf } from './actor';

/**
 * Disables or enables an account: the HR admin of its agency or the province admin. A disabled
 * account cannot log in or refresh (its refresh tokens are revoked at once); its access tokens
 * expire within their lifetime (ACCESS_TOKEN_TTL_SECONDS, 60 s by default).
 */
export class SetAccountDisabled {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, userId: string, disabled: boolean): Promise<{ userId: string; disabled: boolean }> {
    assertAuthenticated(actor.viewer);
    const target = await this.accounts.managedById(userId);
    const verdict = target ? accountAdminVerdict(actor.viewer, target.agencyId) : 'NOT_FOUND';
    if (verdict === 'FORBIDDEN') throw new ForbiddenError("Only the HR admin of the account's agency or the province admin disables or enables it");
    if (!target || verdict === 'NOT_FOUND') throw new NotFoundError('UserAccount', userId, 'userId');
    if (disabled && target.account.id === actor.viewer.userId) throw new ValidationError({ field: 'userId', message: 'nobody disables their own account' });
    if ((target.disabledAt !== null) !== disabled) {
      const now = this.clock.now();
      await this.accounts.setDisabled(target.account.id, disabled ? now : null, now, auditContextOf(actor), target.agencyId);
    }
    return { userId: target.account.id, disabled };
  }
}
