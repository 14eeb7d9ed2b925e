import type { JWK } from 'jose';

import { generateSigningKey, type SigningKey, signingKeyFromJwk, signingKeyFromPem } from './jose-token-issuer';
import type { IdentityPrisma } from './prisma-client';

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
