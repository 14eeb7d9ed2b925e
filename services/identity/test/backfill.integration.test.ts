import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { REPO_ROOT } from '../../../test/support/processes';
import { type IdentityHarness, startIdentityOnPostgres } from './identity-harness';

const run = promisify(execFile);

// `npm run backfill` as a platform team runs it beside live replicas: the compiled process.
describe('identity backfill (node services/identity/dist/backfill.js)', () => {
  let harness: IdentityHarness;

  beforeAll(async () => {
    harness = await startIdentityOnPostgres('backfill');
    // Running replicas keep serving; their relay and the backfill's share the outbox.
  });

  afterAll(() => harness?.stop());

  it('republishes every employee once as identity.employee.snapshot and exits when the outbox is empty', async () => {
    const prisma = harness.service.prisma;
    const employees = await prisma.employee.findMany({ select: { id: true } });
    expect(employees.length).toBeGreaterThan(100);

    await run(process.execPath, [join(REPO_ROOT, 'services/identity/dist/backfill.js')], {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: harness.database.url, LOG_LEVEL: 'warn', NODE_ENV: 'test' },
      timeout: 60_000,
    });

    const snapshots = await prisma.outboxEvent.findMany({ where: { type: 'identity.employee.snapshot' }, select: { key: true, publishedAt: true } });
    expect(snapshots.map((row) => row.key).sort()).toEqual(employees.map((employee) => employee.id).sort());
    expect(snapshots.every((row) => row.publishedAt !== null)).toBe(true);
  });
});
