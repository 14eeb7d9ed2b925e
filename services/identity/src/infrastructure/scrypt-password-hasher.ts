import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

import type { PasswordHasher } from '../domain/account';

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export interface ScryptParameters {
  /** CPU/memory cost; 2^15 with r = 8 uses 32 MiB per hash. */
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

/**
 * scrypt (memory-hard) from node:crypto; the stored form carries its parameters
 * (`scrypt$N$r$p$salt$hash`), so they can be raised later without breaking old hashes.
 */
export class ScryptPasswordHasher implements PasswordHasher {
  constructor(private readonly parameters: ScryptParameters = DEFAULT_SCRYPT) {}

  async hash(password: string): Promise<string> {
    const { N, r, p } = this.parameters;
    const salt = randomBytes(16);
    const key = await derive(password, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r });
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !hash) return false;
    const [N, R, P] = [Number(n), Number(r), Number(p)];
    const expected = Buffer.from(hash, 'base64url');
    const actual = await derive(password, Buffer.from(salt, 'base64url'), expected.length, { N, r: R, p: P, maxmem: 256 * N * R });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
