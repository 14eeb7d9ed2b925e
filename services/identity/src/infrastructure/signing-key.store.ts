import type { JWK } from 'jose';

import { generateSigningKey, type SigningKey, signingKeyFromJwk, signingKeyFromPem, verificationKeysFromPems } from './jose-token-issuer';
import type { IdentityPrisma } from './prisma-client';

export class SigningKeyMissingError extends Error {
  constructor() {
    super('JWT_PRIVATE_KEY is required in production (a P-256 PKCS#8 PEM from a Secret); set JWT_KEY_IN_DATABASE=allow only for a single-host trial');
    this.name = 'SigningKeyMissingError';
  }
}

export interface SigningKeySettings {
  NODE_ENV: 'development' | 'test' | 'production';
  JWT_PRIVATE_KEY?: string | undefined;
  JWT_PREVIOUS_KEYS?: string | undefined;
  JWT_KEY_IN_DATABASE?: 'allow' | undefined;
}

/** Where the signing key comes from; production without a configured key refuses to start. */
export function signingKeySource(settings: SigningKeySettings): 'configured' | 'database' {
  if (settings.JWT_PRIVATE_KEY) return 'configured';
  if (settings.NODE_ENV === 'production' && settings.JWT_KEY_IN_DATABASE !== 'allow') throw new SigningKeyMissingError();
  return 'database';
}

/** The key that signs, and the previous keys the JWKS still serves (rotation without logging everyone out). */
export async function loadSigningKeys(prisma: IdentityPrisma, settings: SigningKeySettings): Promise<{ current: SigningKey; previous: JWK[] }> {
  const current = await loadSigningKey(prisma, signingKeySource(settings) === 'configured' ? settings.JWT_PRIVATE_KEY : undefined);
  const previous = settings.JWT_PREVIOUS_KEYS ? await verificationKeysFromPems(settings.JWT_PREVIOUS_KEYS) : [];
  return { current, previous: previous.filter((key) => key.kid !== current.kid) };
}

/**
 * The configured key when there is one (production); otherwise the key stored in the database,
 * created on first start, so every replica and every restart signs with the same key.
 */
export async function loadSigningKey(prisma: IdentityPrisma, configuredPem: string | undefined): Promise<SigningKey> {
  if (configuredPem) return signingKeyFromPem(configuredPem);
  const existing = await prisma.signingKey.findFirst({ orderBy: { createdAt: 'asc' } });
  if (existing) return signingKeyFromJwk(existing.kid, existing.privateJwk as unknown as JWK, existing.publicJwk as unknown as JWK);
  const { key, privateJwk } = await generateSigningKey();
  await prisma.signingKey.createMany({ data: [{ kid: key.kid, privateJwk: privateJwk as object, publicJwk: key.publicJwk as object }], skipDuplicates: true });
  const stored = await prisma.signingKey.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
  return signingKeyFromJwk(stored.kid, stored.privateJwk as unknown as JWK, stored.publicJwk as unknown as JWK);
}
