import type { AccountRepository } from '../domain/repositories';
import type { Clock } from '../domain/token-issuer';
import { hashRefreshToken } from './session-issuer';

/** Revokes the session the refresh token belongs to, audited; unknown tokens are ignored (idempotent). */
export class Logout {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
  ) {}

  async execute(refreshToken: string, requestId: string): Promise<boolean> {
    const record = await this.accounts.refreshTokenByHash(hashRefreshToken(refreshToken));
    if (!record || record.revokedAt) return true;
    await this.accounts.revokeFamily(record.familyId, this.clock.now());
    const access = await this.accounts.byId(record.userId);
    await this.accounts.audit(
      { actorUserId: record.userId, requestId },
      {
        action: 'logout',
        entityType: 'UserAccount',
        entityId: record.userId,
        agencyId: access?.employeeAgencyId ?? null,
        before: null,
        after: { sessionFamily: record.familyId },
      },
    );
    return true;
  }
}
