import { generateKeyPairSync } from 'node:crypto';

import { createTokenVerifier, type Viewer } from '@kinerja/auth';
import { UnauthenticatedError } from '@kinerja/errors';
import { createLocalJWKSet } from 'jose';

import { generateSigningKey, JoseTokenIssuer, signingKeyFromPem } from './jose-token-issuer';

const viewer: Viewer = {
  userId: 'u1',
  employeeId: 'e1',
  agencyId: 'a1',
  grants: [
    { role: 'HR_ADMIN', agencyId: 'a1' },
    { role: 'AUDITOR', agencyId: null },
  ],
};
const options = { issuer: 'kinerja-identity', audience: 'kinerja', ttlSeconds: 900 };

async function setup(now = () => new Date()) {
  const { key } = await generateSigningKey();
  const issuer = new JoseTokenIssuer(key, options, { now });
  const verifier = createTokenVerifier({ keys: createLocalJWKSet(issuer.jwks()), issuer: options.issuer, audience: options.audience });
  return { issuer, verifier };
}

describe('access tokens', () => {
  it('carry the viewer through signing and verification with the JWKS', async () => {
    const { issuer, verifier } = await setup();
    const { token, expiresAt } = await issuer.issueAccessToken(viewer);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 800_000);
    await expect(verifier.viewerFrom(`Bearer ${token}`)).resolves.toEqual(viewer);
  });

  it('are refused when expired', async () => {
    const { issuer, verifier } = await setup(() => new Date(Date.now() - 3_600_000));
    const { token } = await issuer.issueAccessToken(viewer);
    await expect(verifier.viewerFrom(`Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'TOKEN_EXPIRED' } });
  });

  it('are refused when signed by another key or tampered with', async () => {
    const { verifier } = await setup();
    const other = await setup();
    const { token } = await other.issuer.issueAccessToken(viewer);
    await expect(verifier.viewerFrom(`Bearer ${token}`)).rejects.toBeInstanceOf(UnauthenticatedError);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', roles: ['PROVINCE_ADMIN@*'] })).toString('base64url');
    await expect(verifier.viewerFrom(`Bearer ${header}.${forged}.${signature}`)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('treat a missing header as anonymous and a malformed one as an error', async () => {
    const { verifier } = await setup();
    await expect(verifier.viewerFrom(undefined)).resolves.toMatchObject({ userId: null });
    await expect(verifier.viewerFrom('Basic abc')).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('can be signed with an operator-provided PEM key', async () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const key = await signingKeyFromPem(pem);
    const issuer = new JoseTokenIssuer(key, options, { now: () => new Date() });
    const verifier = createTokenVerifier({ keys: createLocalJWKSet(issuer.jwks()), issuer: options.issuer, audience: options.audience });
    const { token } = await issuer.issueAccessToken(viewer);
    await expect(verifier.viewerFrom(`Bearer ${token}`)).resolves.toEqual(viewer);
  });
});
