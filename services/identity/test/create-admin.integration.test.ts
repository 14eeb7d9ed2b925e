import { Client } from 'pg';

import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { createAdmin } from '../src/create-admin';
import { ScryptPasswordHasher } from '../src/infrastructure/scrypt-password-hasher';

/** `npm run admin:create`: the first province admin of an empty installation, and only the first. */
describe('npm run admin:create', () => {
  let database: TestDatabase;
  const config = () => ({ DATABASE_URL: database.url, DATA_DIR: '.data' });
  const refusal = (run: Promise<unknown>) =>
    run.then(
      () => 'accepted',
      (error: { code?: string; field?: string; details?: { field?: string } }) => ({ code: error.code, field: error.field ?? error.details?.field }),
    );

  beforeAll(async () => {
    database = await createTestDatabase('admin');
  });
  afterAll(() => database?.drop());

  it('refuses bad arguments with the field, before touching the database', async () => {
    expect(await refusal(createAdmin([], config(), 'a-long-password'))).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await refusal(createAdmin(['--email', 'x@y.go.id', '--role', 'x'], config(), 'a-long-password'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'arguments',
    });
    expect(await refusal(createAdmin(['--email', 'not-an-email'], config(), 'a-long-password'))).toEqual({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await refusal(createAdmin(['--email', 'admin@provinsi.go.id'], config(), 'short'))).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('creates the province admin on an empty database with a generated password shown once, audited', async () => {
    const created = await createAdmin(['--email', 'Admin@Provinsi.go.id', '--name', 'Admin Provinsi'], config(), undefined);
    expect(created).toMatchObject({ email: 'admin@provinsi.go.id', userId: expect.any(String), generatedPassword: expect.stringMatching(/^[\w-]{24}$/) });
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows: accounts } = await client.query<{ password_hash: string; display_name: string; employee_id: string | null }>(
        'SELECT password_hash, display_name, employee_id FROM user_account WHERE id = $1',
        [created.userId],
      );
      expect(accounts).toHaveLength(1);
      expect(accounts[0]).toMatchObject({ display_name: 'Admin Provinsi', employee_id: null });
      expect(await new ScryptPasswordHasher().verify(created.generatedPassword as string, accounts[0]!.password_hash)).toBe(true);
      const { rows: grants } = await client.query('SELECT role, scope FROM role_grant WHERE user_id = $1', [created.userId]);
      expect(grants).toEqual([{ role: 'PROVINCE_ADMIN', scope: '' }]);
      const { rows: audit } = await client.query<{ after: Record<string, unknown> }>(
        "SELECT after FROM audit_log WHERE action = 'account.province-admin-created' AND entity_id = $1",
        [created.userId],
      );
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit[0]!.after)).not.toContain(accounts[0]!.password_hash);
    } finally {
      await client.end();
    }
  });

  it('refuses a second province admin: further admins are granted through the graph', async () => {
    expect(await refusal(createAdmin(['--email', 'other@provinsi.go.id'], config(), 'another-long-password'))).toEqual({ code: 'CONFLICT', field: 'email' });
  });
});
