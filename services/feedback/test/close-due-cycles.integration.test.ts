import { randomUUID } from 'node:crypto';

import { loadConfig } from '@kinerja/config';
import { dateColumn } from '@kinerja/database';
import { type Clock, todayIn } from '@kinerja/kernel';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { startTestTokens, type TestTokens } from '../../../test/support/tokens';
import { CloseDueFeedbackCycles } from '../src/application/close-due-feedback-cycles.command';
import { addDays } from '../src/domain/calendar-date';
import { DEFAULT_QUESTIONNAIRE } from '../src/domain/questionnaire';
import { feedbackEnvSchema } from '../src/env';
import { feedbackModule, type FeedbackService } from '../src/feedback.module';
import { PrismaFeedbackCycleRepository } from '../src/infrastructure/prisma-feedback-cycle.repository';

/** A clock the test moves; both replicas read it. */
class MovableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advanceDays(days: number): void {
    this.offsetMs += days * 86_400_000;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closing 360° cycles at their due date', () => {
  let database: TestDatabase;
  let tokens: TestTokens;
  const transport = new InProcessTransport();
  const clock = new MovableClock();
  const replicas: FeedbackService[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('fb_close_due');
    tokens = await startTestTokens();
    // Two replicas of feedback on one database, each running the job every 20 ms.
    for (const name of ['a', 'b']) {
      const config = loadConfig(feedbackEnvSchema, {
        DATABASE_URL: database.url,
        PORT: '0',
        NODE_ENV: 'test',
        JWKS_URL: tokens.jwksUrl,
        CYCLE_CLOSE_INTERVAL_SECONDS: '0.02',
      });
      replicas.push(await startService(feedbackModule, config, createLogger({ name: `feedback-${name}`, level: 'silent' }), { transport, clock }));
    }
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await transport.close();
    await tokens?.close();
    await database?.drop();
  });

  const prisma = () => replicas[0]!.prisma;

  /** Open cycles due on `dueDate`, each with three peers' sums for AKUNTABEL. */
  async function openCycles(count: number, dueDate: string): Promise<string[]> {
    const agencyId = randomUUID();
    const ids = Array.from({ length: count }, () => randomUUID());
    await prisma().feedbackCycle.createMany({
      data: ids.map((id) => ({
        id,
        agencyId,
        subjectId: randomUUID(),
        periodId: randomUUID(),
        status: 'OPEN' as const,
        dueDate: dateColumn(dueDate),
        items: DEFAULT_QUESTIONNAIRE.map((item) => ({ ...item })),
        startedByUserId: randomUUID(),
        createdAt: clock.now(),
      })),
    });
    await prisma().feedbackRequest.createMany({
      data: ids.flatMap((cycleId) =>
        [1, 2, 3].map(() => ({ id: randomUUID(), cycleId, raterEmployeeId: randomUUID(), group: 'PEER' as const, answeredAt: clock.now() })),
      ),
    });
    await prisma().feedbackScore.createMany({
      data: ids.map((cycleId) => ({ cycleId, group: 'PEER' as const, value: 'AKUNTABEL' as const, sum: 12, count: 3 })),
    });
    return ids;
  }

  async function completedEventsOf(ids: readonly string[]): Promise<Map<string, { count: number; aggregate: unknown }>> {
    const rows = await replicas[0]!.database.sql.query<{ cycle_id: string; count: string; aggregate: unknown }>(
      `SELECT envelope->'payload'->>'cycleId' AS cycle_id, count(*) AS count, min(envelope->'payload'->>'aggregate') AS aggregate
         FROM outbox_event WHERE type = 'feedback.cycle.completed' AND envelope->'payload'->>'cycleId' = ANY($1::text[]) GROUP BY 1`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.cycle_id, { count: Number(row.count), aggregate: JSON.parse(String(row.aggregate)) }]));
  }

  async function statusesOf(ids: readonly string[]): Promise<string[]> {
    return (await prisma().feedbackCycle.findMany({ where: { id: { in: [...ids] } }, select: { status: true } })).map((row) => row.status);
  }

  it('two replicas close every overdue cycle once, each with one feedback.cycle.completed; a cycle not yet due stays open', async () => {
    const today = todayIn(clock);
    const dueToday = await openCycles(40, today);
    const dueLater = await openCycles(1, addDays(today, 3));
    // Through its due day a cycle takes answers: several runs of both jobs leave it open.
    await sleep(200);
    expect(new Set(await statusesOf(dueToday))).toEqual(new Set(['OPEN']));

    clock.advanceDays(1);
    const deadline = Date.now() + 15_000;
    while ((await statusesOf(dueToday)).some((status) => status === 'OPEN') && Date.now() < deadline) await sleep(50);
    expect(new Set(await statusesOf(dueToday))).toEqual(new Set(['CLOSED']));
    await sleep(200);

    const events = await completedEventsOf([...dueToday, ...dueLater]);
    expect(events.size).toBe(40);
    for (const id of dueToday) expect(events.get(id)?.count).toBe(1);
    expect(events.get(dueToday[0]!)?.aggregate).toEqual(expect.arrayContaining([{ value: 'AKUNTABEL', average: 4, responses: 3 }]));
    expect(await statusesOf(dueLater)).toEqual(['OPEN']);
    const audit = await prisma().auditLog.count({ where: { action: 'feedback-cycle.closed', entityId: { in: dueToday }, actorUserId: null } });
    expect(audit).toBe(40);
  });

  it('two job runs at the same moment split the overdue cycles between them', async () => {
    // Only these two runs this time: a cycle the replicas' jobs hold would be skipped and left for their next run.
    for (const replica of replicas) await Promise.all((replica.wiring.jobs ?? []).map((job) => job.stop()));
    const today = todayIn(clock);
    const overdue = await openCycles(60, addDays(today, -1));
    const jobs = replicas.map((replica) => new CloseDueFeedbackCycles(new PrismaFeedbackCycleRepository(replica.prisma), clock, 5));
    const [first, second] = await Promise.all(jobs.map((job) => job.execute()));
    const closedByBoth = [...first!, ...second!].map((cycle) => cycle.id);
    expect(new Set(closedByBoth).size).toBe(closedByBoth.length);
    expect(new Set(await statusesOf(overdue))).toEqual(new Set(['CLOSED']));
    const events = await completedEventsOf(overdue);
    expect(events.size).toBe(60);
    expect([...events.values()].every((event) => event.count === 1)).toBe(true);
  });
});
