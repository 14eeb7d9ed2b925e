import type { Viewer } from '@kinerja/auth';

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Signs access tokens with identity's private key; other services verify with the JWKS. */
export interface TokenIssuer {
  issueAccessToken(viewer: Viewer): Promise<IssuedAccessToken>;
}

export type { Clock, IdGenerator } from '@kinerja/kernel';
