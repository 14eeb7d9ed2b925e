import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { applyMigrations, type Database, openDatabase } from '@kinerja/database';

import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import type { EvidenceDocument } from '../src/domain/evidence-document';
import { createPrismaClient, type PerformancePrisma } from '../src/infrastructure/prisma-client';
import { PrismaEvidenceStore } from '../src/infrastructure/prisma-evidence.store';
import { performanceModule } from '../src/performance.module';

// The store on both databases a service runs on: PostgreSQL, and PGlite in the embedded mode
// (whose Prisma adapter cannot bind Bytes parameters; the store sends the bytes as base64 text).
describe.each(['postgres', 'pglite'] as const)('the evidence store on %s', (kind) => {
  let testDb: TestDatabase | undefined;
  let dataDir: string | undefined;
  let database: Database;
  let prisma: PerformancePrisma;
  let store: PrismaEvidenceStore;
  const ids = { agency: randomUUID(), year: randomUUID(), plan: randomUUID(), workResult: randomUUID(), indicator: randomUUID(), realization: randomUUID() };
  const employeeId = randomUUID();

  beforeAll(async () => {
    if (kind === 'postgres') {
      testDb = await createTestDatabase('evstore');
      database = await openDatabase({ url: testDb.url, dataDir: '' });
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'kinerja-evidence-'));
      database = await openDatabase({ dataDir });
    }
    await applyMigrations(database.sql, performanceModule.migrationsDir);
    prisma = createPrismaClient(database);
    store = new PrismaEvidenceStore(prisma);
    const annual = { id: ids.year, agencyId: ids.agency, kind: 'ANNUAL', year: 2031, index: 0 } as const;
    const day = (date: string) => new Date(`${date}T00:00:00Z`);
    await prisma.performancePeriod.create({ data: { ...annual, startDate: day('2031-01-01'), endDate: day('2031-12-31'), fillInDeadline: day('2032-01-10') } });
    await prisma.performancePlan.create({ data: { id: ids.plan, agencyId: ids.agency, periodId: ids.year, employeeId, orgUnitId: randomUUID() } });
    await prisma.workResult.create({ data: { id: ids.workResult, planId: ids.plan, kind: 'MAIN', title: 'RHK', position: 1 } });
    await prisma.indicator.create({
      data: { id: ids.indicator, workResultId: ids.workResult, aspect: 'QUANTITY', description: 'x', target: 1, unit: 'x', position: 1 },
    });
    await prisma.realization.create({
      data: {
        id: ids.realization,
        indicatorId: ids.indicator,
        planId: ids.plan,
        subPeriodId: randomUUID(),
        value: 1,
        evidenceUrl: 'https://x.id',
        late: false,
        reportedAt: new Date(),
      },
    });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.close();
    await testDb?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every byte, and lists documents without their content', async () => {
    const content = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);
    const document: EvidenceDocument = {
      id: randomUUID(),
      agencyId: ids.agency,
      realizationId: ids.realization,
      employeeId,
      fileName: 'semua byte.png',
      contentType: 'image/png',
      sizeBytes: content.length,
      sha256: 'f'.repeat(64),
      uploadedBy: 'user-1',
      uploadedAt: new Date('2031-04-02T03:04:05.678Z'),
    };
    await store.save(document, content, { actorUserId: 'user-1', requestId: 'r' });
    expect(await store.content(document.id)).toEqual(content);
    expect(await store.byIds([document.id, 'not-a-uuid'])).toEqual([document]);
    expect(await store.ofRealizations([ids.realization])).toEqual([document]);
    expect(await store.content(randomUUID())).toBeNull();
    expect(await prisma.auditLog.count({ where: { entityId: document.id, action: 'evidence.uploaded' } })).toBe(1);
  });
});
