import { UnauthenticatedError } from '@kinerja/errors';

import type { AccountRepository } from '../domain/repositories';
import type { Clock } from '../domain/token-issuer';
import { hashRefreshToken, type Session, type SessionIssuer } from './session-issuer';

/**
 * Rotates a refresh token: the old one is spent and a new one of the same family issued. A spent
 * token presented again means it leaked: the whole family is revoked.
 */
export class RefreshSession {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
  ) {}

  async execute(refreshToken: string): Promise<Session> {
    const now = this.clock.now();
    const record = await this.accounts.refreshTokenByHash(hashRefreshToken(refreshToken));
    const invalid = new UnauthenticatedError('Invalid or expired refresh token', { reason: 'INVALID_REFRESH_TOKEN' });
    if (!record || record.revokedAt || record.expiresAt <= now) throw invalid;
    if (record.usedAt || !(await this.accounts.markRefreshTokenUsed(record.id, now))) {
      await this.accounts.revokeFamily(record.familyId, now);
      throw invalid;
    }
    const access = await this.accounts.byId(record.userId);
    if (!access) throw invalid;
    return this.sessions.issue(access, record.familyId);
  }
}
