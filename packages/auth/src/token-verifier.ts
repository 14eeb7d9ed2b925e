import { UnauthenticatedError } from '@kinerja/errors';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

import { ACCESS_TOKEN_ALGORITHM, passwordChangeRequired, viewerFromClaims } from './claims';
import { ANONYMOUS, type Viewer } from './viewer';

export interface ViewerOptions {
  /**
   * Answer a password-change token's viewer (marked `passwordChangeOnly`) instead of refusing it:
   * only for a caller that then lets it reach nothing but `changePassword` (the subgraphs' plugin).
   */
  allowPasswordChange?: boolean;
}

export interface TokenVerifier {
  /**
   * Anonymous without a header; UNAUTHENTICATED for a malformed, expired or forged token;
   * FORBIDDEN / PASSWORD_CHANGE_REQUIRED for a password-change token unless allowed.
   */
  viewerFrom(authorization: string | undefined, options?: ViewerOptions): Promise<Viewer>;
}

export interface TokenVerifierOptions {
  /** identity's JWKS URL, or a key getter (identity verifies with its own keys, no round trip). */
  keys: string | JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

/** How long a verified token is remembered at most; never past its own expiry. */
export const VERIFIED_TOKEN_CACHE_MS = 30_000;
const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

export function createTokenVerifier({ keys, issuer, audience }: TokenVerifierOptions): TokenVerifier {
  // jose caches the key set and refetches it on an unknown `kid`, at most every 30 s.
  const getKey = typeof keys === 'string' ? createRemoteJWKSet(new URL(keys), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }) : keys;
  // A signature check per request is the hot path's largest fixed cost. An access token is valid
  // until it expires (accounts are disabled by letting their tokens run out), so remembering a
  // verified one until its expiry, and no longer than 30 s, answers exactly as verifying again.
  const verified = new Map<string, { viewer: Viewer; until: number }>();
  return {
    async viewerFrom(authorization, options = {}) {
      const viewer = await verify(authorization);
      if (viewer.passwordChangeOnly && !options.allowPasswordChange) throw passwordChangeRequired();
      return viewer;
    },
  };

  async function verify(authorization: string | undefined): Promise<Viewer> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new UnauthenticatedError('Authorization header must be "Bearer <token>"');
    const token = match[1];
    const now = Date.now();
    const known = verified.get(token);
    if (known && known.until > now) return known.viewer;
    if (known) verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, getKey, { issuer, audience, algorithms: [ACCESS_TOKEN_ALGORITHM] });
      const viewer = viewerFromClaims(payload);
      if (typeof payload.exp === 'number') {
        if (verified.size >= VERIFIED_TOKEN_CACHE_SIZE) verified.clear();
        verified.set(token, { viewer, until: Math.min(payload.exp * 1000, now + VERIFIED_TOKEN_CACHE_MS) });
      }
      return viewer;
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new UnauthenticatedError(expired ? 'Access token expired' : 'Invalid access token', expired ? { reason: 'TOKEN_EXPIRED' } : {});
    }
  }
}
