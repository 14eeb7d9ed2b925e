import { UnauthenticatedError } from '@kinerja/errors';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

import { ACCESS_TOKEN_ALGORITHM, viewerFromClaims } from './claims';
import { ANONYMOUS, type Viewer } from './viewer';

export interface TokenVerifier {
  /** Anonymous without a header; UNAUTHENTICATED for a malformed, expired or forged token. */
  viewerFrom(authorization: string | undefined): Promise<Viewer>;
}

export interface TokenVerifierOptions {
  /** identity's JWKS URL, or a key getter (identity verifies with its own keys, no round trip). */
  keys: string | JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

export function createTokenVerifier({ keys, issuer, audience }: TokenVerifierOptions): TokenVerifier {
  // jose caches the key set and refetches it on an unknown `kid`, at most every 30 s.
  const getKey = typeof keys === 'string' ? createRemoteJWKSet(new URL(keys), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }) : keys;
  return {
    async viewerFrom(authorization) {
      if (!authorization) return ANONYMOUS;
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match?.[1]) throw new UnauthenticatedError('Authorization header must be "Bearer <token>"');
      try {
        const { payload } = await jwtVerify(match[1], getKey, { issuer, audience, algorithms: [ACCESS_TOKEN_ALGORITHM] });
        return viewerFromClaims(payload);
      } catch (error) {
        const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
        throw new UnauthenticatedError(expired ? 'Access token expired' : 'Invalid access token', expired ? { reason: 'TOKEN_EXPIRED' } : {});
      }
    },
  };
}
