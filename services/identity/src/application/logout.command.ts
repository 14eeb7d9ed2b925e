import type { AccountRepository } from '../domain/repositories';
import type { Clock } from '../domain/token-issuer';
import { hashRefreshToken } from './session-issuer';

/** Revokes the session the refresh token belongs to; unknown tokens are ignored (idempotent). */
export class Logout {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
  ) {}

  async execute(refreshToken: string): Promise<boolean> {
    const record = await this.accounts.refreshTokenByHash(hashRefreshToken(refreshToken));
    if (record) await this.accounts.revokeFamily(record.familyId, this.clock.now());
    return true;
  }
}
