import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { claimsFor, type Viewer } from '@kinerja/auth';

/**
 * Stands in for identity in performance's tests: an ES256 key, its JWKS served over HTTP (the
 * way identity serves it), and access tokens for any viewer. The service under test verifies
 * them exactly as in production, through JWKS_URL.
 */
export interface TokenSigner {
  jwksUrl: string;
  issuer: string;
  audience: string;
  tokenFor(viewer: Viewer): string;
  close(): Promise<void>;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signJwt(privateKey: KeyObject, kid: string, payload: object): string {
  const input = `${encode({ alg: 'ES256', kid, typ: 'JWT' })}.${encode(payload)}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `${input}.${signature}`;
}

export async function startTokenSigner(issuer = 'kinerja-identity', audience = 'kinerja'): Promise<TokenSigner> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomUUID();
  const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }] };
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
    tokenFor: (viewer) => {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(privateKey, kid, { ...claimsFor(viewer), sub: viewer.userId, iss: issuer, aud: audience, iat: now, exp: now + 3600 });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
