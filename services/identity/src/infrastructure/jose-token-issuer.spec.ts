import { createPublicKey, generateKeyPairSync } from 'node:crypto';

import { createTokenVerifier, type Viewer } from '@kinerja/auth';
import { UnauthenticatedError } from '@kinerja/errors';
import { createLocalJWKSet } from 'jose';

import { generateSigningKey, JoseTokenIssuer, signingKeyFromPem, verificationKeysFromPems } from './jose-token-issuer';
import { SigningKeyMissingError, type SigningKeySettings, signingKeySource } from './signing-key.store';

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

describe('signing key rotation', () => {
  const pem = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const kidOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString()) as { kid: string }).kid;
  const verifierOf = (issuer: JoseTokenIssuer) =>
    createTokenVerifier({ keys: createLocalJWKSet(issuer.jwks()), issuer: options.issuer, audience: options.audience });

  it('keeps tokens signed with the previous key valid while the new key signs, each token naming its key', async () => {
    const oldPem = pem();
    const newPem = pem();
    const before = new JoseTokenIssuer(await signingKeyFromPem(oldPem), options, { now: () => new Date() });
    const { token: oldToken } = await before.issueAccessToken(viewer);

    const oldPublic = createPublicKey(oldPem).export({ format: 'pem', type: 'spki' }).toString();
    const after = new JoseTokenIssuer(await signingKeyFromPem(newPem), options, { now: () => new Date() }, await verificationKeysFromPems(oldPublic));
    const { token: newToken } = await after.issueAccessToken(viewer);

    expect(after.jwks().keys.map((key) => key.kid)).toEqual([kidOf(newToken), kidOf(oldToken)]);
    expect(kidOf(newToken)).not.toBe(kidOf(oldToken));
    await expect(verifierOf(after).viewerFrom(`Bearer ${oldToken}`)).resolves.toEqual(viewer);
    await expect(verifierOf(after).viewerFrom(`Bearer ${newToken}`)).resolves.toEqual(viewer);
    // Once the previous key is dropped (after the longest token lifetime), its tokens stop working.
    const dropped = new JoseTokenIssuer(await signingKeyFromPem(newPem), options, { now: () => new Date() });
    await expect(verifierOf(dropped).viewerFrom(`Bearer ${oldToken}`)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('reads several previous keys, public or private, from one PEM string', async () => {
    const keys = await verificationKeysFromPems(`${pem()}\n${pem()}`);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', use: 'sig', alg: 'ES256', kid: expect.any(String) });
      expect(key).not.toHaveProperty('d');
    }
    await expect(verificationKeysFromPems('no key here')).rejects.toThrow('no PEM key');
  });
});

describe('where the signing key comes from', () => {
  it.each<[string, SigningKeySettings, 'configured' | 'database' | 'refused']>([
    ['production with a key', { NODE_ENV: 'production', JWT_PRIVATE_KEY: 'pem' }, 'configured'],
    ['production without a key', { NODE_ENV: 'production' }, 'refused'],
    ['production without a key, a single-host trial that allows the database', { NODE_ENV: 'production', JWT_KEY_IN_DATABASE: 'allow' }, 'database'],
    ['development without a key', { NODE_ENV: 'development' }, 'database'],
    ['tests without a key', { NODE_ENV: 'test' }, 'database'],
    ['development with a key', { NODE_ENV: 'development', JWT_PRIVATE_KEY: 'pem' }, 'configured'],
  ])('%s: %s', (_case, settings, expected) => {
    let outcome: string;
    try {
      outcome = signingKeySource(settings);
    } catch (error) {
      expect(error).toBeInstanceOf(SigningKeyMissingError);
      outcome = 'refused';
    }
    expect(outcome).toBe(expected);
  });
});
