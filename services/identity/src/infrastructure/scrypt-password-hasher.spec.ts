import { ScryptPasswordHasher } from './scrypt-password-hasher';

describe('ScryptPasswordHasher', () => {
  const hasher = new ScryptPasswordHasher();

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('kinerja-demo');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('kinerja-demo');
    await expect(hasher.verify('kinerja-demo', stored)).resolves.toBe(true);
    await expect(hasher.verify('kinerja-demO', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
  });

  it('keeps verifying hashes made with other parameters', async () => {
    const stored = await new ScryptPasswordHasher({ N: 2 ** 14, r: 8, p: 1 }).hash('old password');
    await expect(hasher.verify('old password', stored)).resolves.toBe(true);
  });

  it('refuses malformed stored values', async () => {
    await expect(hasher.verify('x', 'plain-text')).resolves.toBe(false);
    await expect(hasher.verify('x', 'bcrypt$1$2$3$4$5')).resolves.toBe(false);
  });

  it('treats composed and decomposed Unicode the same (NFKC)', async () => {
    const stored = await hasher.hash('Caf\u00e9-kinerja');
    await expect(hasher.verify('Cafe\u0301-kinerja', stored)).resolves.toBe(true);
  });
});
