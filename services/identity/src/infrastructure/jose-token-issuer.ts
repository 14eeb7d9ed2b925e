import { createPublicKey } from 'node:crypto';

import { ACCESS_TOKEN_ALGORITHM, claimsFor, type Viewer } from '@kinerja/auth';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, importPKCS8, type JWK, type KeyLike, SignJWT } from 'jose';

import type { Clock, IssuedAccessToken, TokenIssuer } from '../domain/token-issuer';

/** How long a password-change token (an HR-issued password's sign-in) lives. */
export const PASSWORD_CHANGE_TOKEN_TTL_SECONDS = 600;

export interface SigningKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  publicJwk: JWK;
}

/** A new ES256 key pair, exportable so it can be stored for the other replicas. */
export async function generateSigningKey(): Promise<{ key: SigningKey; privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { key: { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' } }, privateJwk: await exportJWK(privateKey) };
}

export async function signingKeyFromJwk(kid: string, privateJwk: JWK, publicJwk: JWK): Promise<SigningKey> {
  return { kid, privateKey: await importJWK(privateJwk, ACCESS_TOKEN_ALGORITHM), publicJwk };
}

/** The key configured by the operator (`JWT_PRIVATE_KEY`, PKCS#8 PEM of a P-256 key). */
export async function signingKeyFromPem(pem: string): Promise<SigningKey> {
  const privateKey = await importPKCS8(pem, ACCESS_TOKEN_ALGORITHM);
  const publicJwk = createPublicKey(pem).export({ format: 'jwk' }) as JWK;
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' } };
}

/**
 * The public keys of PEM keys (public or private, one after the other in one string), as JWKs
 * with their thumbprint as kid: the keys signed with before a rotation.
 */
export async function verificationKeysFromPems(pems: string): Promise<JWK[]> {
  const blocks = pems.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
  if (blocks.length === 0) throw new Error('JWT_PREVIOUS_KEYS holds no PEM key');
  return Promise.all(
    blocks.map(async (pem) => {
      const publicJwk = createPublicKey(pem).export({ format: 'jwk' }) as JWK;
      const kid = await calculateJwkThumbprint(publicJwk);
      return { ...publicJwk, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
    }),
  );
}

export class JoseTokenIssuer implements TokenIssuer {
  constructor(
    private readonly key: SigningKey,
    private readonly options: { issuer: string; audience: string; ttlSeconds: number; passwordChangeTtlSeconds?: number },
    private readonly clock: Clock,
    /** Keys signed with before a rotation: verified and served, never used to sign. */
    private readonly previousKeys: readonly JWK[] = [],
  ) {}

  async issueAccessToken(viewer: Viewer): Promise<IssuedAccessToken> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    // A password-change token gives time to type a new password, and is good for nothing else.
    const ttl = viewer.passwordChangeOnly ? (this.options.passwordChangeTtlSeconds ?? PASSWORD_CHANGE_TOKEN_TTL_SECONDS) : this.options.ttlSeconds;
    const expiresAt = issuedAt + ttl;
    const token = await new SignJWT({ ...claimsFor(viewer) })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: this.key.kid, typ: 'at+jwt' })
      .setSubject(viewer.userId ?? '')
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key.privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.key.publicJwk, ...this.previousKeys] };
  }
}
