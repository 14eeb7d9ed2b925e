import { generateKeyPair, type JWTVerifyGetKey, SignJWT } from 'jose';

import { ACCESS_TOKEN_ALGORITHM, PASSWORD_CHANGE_SCOPE } from './claims';
import { createTokenVerifier } from './token-verifier';

describe('token verifier cache', () => {
  async function setUp() {
    const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM);
    let keyLookups = 0;
    const keys: JWTVerifyGetKey = async () => {
      keyLookups += 1;
      return publicKey;
    };
    const verifier = createTokenVerifier({ keys, issuer: 'kinerja', audience: 'kinerja-graph' });
    const sign = (expiresInSeconds: number, claims: Record<string, unknown> = {}) =>
      new SignJWT({ roles: ['EMPLOYEE@a'], ...claims })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM })
        .setSubject('user-1')
        .setIssuer('kinerja')
        .setAudience('kinerja-graph')
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
        .sign(privateKey);
    return { verifier, sign, lookups: () => keyLookups };
  }

  it('verifies a token once and answers the same viewer from memory after', async () => {
    const { verifier, sign, lookups } = await setUp();
    const token = await sign(60);
    const first = await verifier.viewerFrom(`Bearer ${token}`);
    const second = await verifier.viewerFrom(`Bearer ${token}`);
    expect(second).toEqual(first);
    expect(first.userId).toBe('user-1');
    expect(lookups()).toBe(1);
  });

  it('never answers a remembered token past its expiry', async () => {
    const { verifier, sign } = await setUp();
    const token = await sign(1);
    await verifier.viewerFrom(`Bearer ${token}`);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verifier.viewerFrom(`Bearer ${token}`)).rejects.toThrow('Access token expired');
  });

  it('remembers nothing about a forged token', async () => {
    const { verifier, sign } = await setUp();
    const token = await sign(60);
    const forged = `${token.slice(0, -4)}AAAA`;
    await expect(verifier.viewerFrom(`Bearer ${forged}`)).rejects.toThrow('Invalid access token');
    await expect(verifier.viewerFrom(`Bearer ${forged}`)).rejects.toThrow('Invalid access token');
  });

  it('refuses a password-change token unless asked to let it in, remembered or not', async () => {
    const { verifier, sign } = await setUp();
    const token = await sign(60, { scope: PASSWORD_CHANGE_SCOPE });
    const allowed = await verifier.viewerFrom(`Bearer ${token}`, { allowPasswordChange: true });
    expect(allowed).toMatchObject({ userId: 'user-1', passwordChangeOnly: true });
    for (let i = 0; i < 2; i += 1) {
      await expect(verifier.viewerFrom(`Bearer ${token}`)).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'PASSWORD_CHANGE_REQUIRED' } });
    }
    expect((await verifier.viewerFrom(`Bearer ${await sign(60)}`)).passwordChangeOnly).toBeUndefined();
  });
});
