import { type DevelopmentHarness, startDevelopmentOnPostgres } from './development-harness';

async function readyz(baseUrl: string): Promise<{ status: number; body: { status: string; checks: Record<string, boolean> } }> {
  const response = await fetch(new URL('/readyz', baseUrl));
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, boolean> } };
}

describe('development /readyz', () => {
  let harness: DevelopmentHarness;

  beforeAll(async () => {
    harness = await startDevelopmentOnPostgres('readiness');
  });

  afterAll(() => harness?.stop());

  it('is ready with its database reachable and its consumer running, and not ready once the consumer stops', async () => {
    const before = await readyz(harness.baseUrl);
    expect(before).toEqual({ status: 200, body: { status: 'ready', checks: { database: true, consumer: true } } });

    await harness.service.consumer.stop();

    const after = await readyz(harness.baseUrl);
    expect(after.status).toBe(503);
    expect(after.body.checks).toEqual({ database: true, consumer: false });
  });
});
