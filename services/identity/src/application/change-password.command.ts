import { assertAuthenticated } from '@kinerja/auth';
import { UnauthenticatedError, ValidationError } from '@kinerja/errors';

import { type PasswordHasher } from '../domain/account';
import { newPasswordProblem } from '../domain/account-admin.rule';
import type { AccountRepository } from '../domain/repositories';
import type { Clock } from '../domain/token-issuer';
import { type Actor, auditContextOf } from './actor';

/**
 * The signed-in holder changes their password with the current one. Every refresh token of the
 * account is revoked (other devices sign in again); the change is audited, never the hashes.
 */
export class ChangePassword {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { oldPassword: string; newPassword: string }): Promise<boolean> {
    assertAuthenticated(actor.viewer);
    const target = await this.accounts.managedById(actor.viewer.userId ?? '');
    if (!target || target.disabledAt !== null || target.departed) throw new UnauthenticatedError('This account cannot sign in', { reason: 'ACCOUNT_DISABLED' });
    if (!(await this.hasher.verify(input.oldPassword, target.account.passwordHash))) {
      throw new ValidationError({ field: 'input.oldPassword', message: 'is not the current password' });
    }
    const problem = newPasswordProblem(input.oldPassword, input.newPassword);
    if (problem) throw new ValidationError({ field: 'input.newPassword', message: problem });
    const now = this.clock.now();
    await this.accounts.changePassword(target.account.id, await this.hasher.hash(input.newPassword), now, auditContextOf(actor), target.agencyId);
    return true;
  }
}
