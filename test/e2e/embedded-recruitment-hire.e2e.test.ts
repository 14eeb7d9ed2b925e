import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { type StartedEmbedded, startEmbedded, stopEmbedded } from '../support/embedded';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { hireThroughTheGraph } from '../support/recruitment-hire.scenario';

const PORT_OFFSET = 1730;
const URL = `http://127.0.0.1:${4000 + PORT_OFFSET}/graphql`;

/**
 * The hire flow of rule 6 in the embedded `npm start` (one process, the in-process event bus, the
 * demo data), the same scenario as over Kafka (recruitment-hire.e2e.test.ts). Recruitment's
 * database is on PostgreSQL (RECRUITMENT_DATABASE_URL, as `npm start` allows) only so that the test
 * can let the 3-day objection windows pass; every other service keeps its PGlite.
 */
describe('npm start (embedded): from formation to a hired CPNS with Latsar assigned', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-embedded-hire-'));
  let database: TestDatabase;
  let started: StartedEmbedded | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('embedded_recruitment');
    // Once the demo activity is recorded, so that the scenario does not race the first start's seeding.
    started = await startEmbedded(dataDir, {
      portOffset: PORT_OFFSET,
      until: 'Demo activity (',
      env: { RECRUITMENT_DATABASE_URL: database.url, KINERJA_DEMO_AGENCIES: 'siulak' },
    });
  }, 300_000);

  afterAll(async () => {
    if (started) await stopEmbedded(started);
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hires through the gateway and identity and development follow over the in-process bus', async () => {
    const hired = await hireThroughTheGraph({
      url: URL,
      windowPasses: async (selectionId) => {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        try {
          await client.query(
            `UPDATE announcement SET announced_at = announced_at - interval '3 days', objection_closes_at = objection_closes_at - interval '3 days' WHERE selection_id = $1::uuid`,
            [selectionId],
          );
        } finally {
          await client.end();
        }
      },
    });
    expect(hired.nip).toMatch(/^\d{18}$/);
    expect(hired.positionId).not.toBe('');
  }, 240_000);
});
