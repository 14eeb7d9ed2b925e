import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { claimsFor, type Viewer } from '@kinerja/auth';

/**
 * Stands in for identity in a subgraph's tests: a JWKS endpoint and ES256 access tokens signed
 * with its key, so the subgraph verifies tokens exactly as it does in production (JWKS_URL).
 */
export interface TestTokens {
  jwksUrl: string;
  issuer: string;
  audience: string;
  tokenFor(viewer: Viewer): string;
  close(): Promise<void>;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export async function startTestTokens(issuer = 'kinerja-identity', audience = 'kinerja'): Promise<TestTokens> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = 'test-tokens';
  const jwks = { keys: [{ ...(publicKey.export({ format: 'jwk' }) as object), kid, alg: 'ES256', use: 'sig' }] };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    issuer,
    audience,
    tokenFor: (viewer) => signToken(privateKey, kid, { sub: viewer.userId, iss: issuer, aud: audience, ...claimsFor(viewer) }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function signToken(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }));
  const payload = base64url(JSON.stringify({ ...claims, iat: now, exp: now + 3600 }));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key, dsaEncoding: 'ieee-p1363' });
  return `${header}.${payload}.${base64url(signature)}`;
}
