import { createHash, randomBytes } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

import type { AccountWithAccess } from '../domain/account';
import type { AccountRepository } from '../domain/repositories';
import type { Clock, IdGenerator, TokenIssuer } from '../domain/token-issuer';

export interface Session {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  viewer: Viewer;
  /** The account's password was issued by HR: the access token is good for changePassword only. */
  passwordChangeRequired: boolean;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function viewerOf(access: AccountWithAccess): Viewer {
  return {
    userId: access.account.id,
    employeeId: access.account.employeeId,
    agencyId: access.employeeAgencyId,
    grants: access.grants,
    ...(access.account.passwordChangeRequired ? { passwordChangeOnly: true as const } : {}),
  };
}

/**
 * Issues an access token and a new refresh token of the given family (a login starts a family).
 * While the account's password is one HR issued, every access token it issues (login and refresh
 * alike) is a password-change token; a changed password revokes the refresh tokens.
 */
export class SessionIssuer {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenIssuer,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly refreshTtlMs: number,
  ) {}

  async issue(access: AccountWithAccess, familyId: string = this.ids.newId()): Promise<Session> {
    const viewer = viewerOf(access);
    const { token, expiresAt } = await this.tokens.issueAccessToken(viewer);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(this.clock.now().getTime() + this.refreshTtlMs);
    await this.accounts.saveRefreshToken(
      { id: this.ids.newId(), userId: access.account.id, familyId, expiresAt: refreshTokenExpiresAt, usedAt: null, revokedAt: null },
      hashRefreshToken(refreshToken),
    );
    return { accessToken: token, expiresAt, refreshToken, refreshTokenExpiresAt, viewer, passwordChangeRequired: viewer.passwordChangeOnly === true };
  }
}
