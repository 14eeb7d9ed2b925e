import { loadConfig } from '@kinerja/config';
import type { Clock } from '@kinerja/kernel';
import { createLogger } from '@kinerja/logger';
import { type MailCatcher, startMailCatcher } from '@kinerja/mail-catcher';
import { InProcessTransport } from '@kinerja/messaging';
import { type RunningService, startService } from '@kinerja/service-kit';

import { publishEmployeeSnapshots } from '../../services/identity/src/application/publish-employee-snapshots.command';
import { identityEnvSchema } from '../../services/identity/src/env';
import { identityModule, type IdentityService } from '../../services/identity/src/identity.module';
import { ScryptPasswordHasher } from '../../services/identity/src/infrastructure/scrypt-password-hasher';
import { seedDemoData } from '../../services/identity/src/seed/seed-demo-data';
import { performanceEnvSchema } from '../../services/performance/src/env';
import { performanceModule, type PerformanceService } from '../../services/performance/src/performance.module';
import { graphql, login } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/postgres';

/** Real time until the test moves it: tokens are issued and checked before the jump. */
class MovableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  jumpTo(iso: string): void {
    this.offsetMs = Date.parse(iso) - Date.now();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

// Issue 17's test: a controllable clock, two performance replicas running the reminder job at once,
// identity turning each reminder into a notification and one mail into a real SMTP server.
describe('deadline reminders end to end: two schedulers, one mail each', () => {
  const clock = new MovableClock();
  const transport = new InProcessTransport();
  const databases: TestDatabase[] = [];
  const running: RunningService[] = [];
  let catcher: MailCatcher;
  let identity: IdentityService;
  const performance: PerformanceService[] = [];

  beforeAll(async () => {
    catcher = await startMailCatcher();
    const [identityDb, performanceDb] = [await createTestDatabase('e2e_remind_id'), await createTestDatabase('e2e_remind_perf')];
    databases.push(identityDb, performanceDb);
    const quiet = (name: string) => createLogger({ name, level: 'silent' });
    identity = await startService(
      identityModule,
      loadConfig(identityEnvSchema, {
        DATABASE_URL: identityDb.url,
        PORT: '0',
        NODE_ENV: 'test',
        SMTP_HOST: catcher.host,
        SMTP_PORT: String(catcher.port),
        MAIL_RELAY_INTERVAL_SECONDS: '0.05',
      }),
      quiet('identity'),
      { transport, clock },
    );
    running.push(identity);
    const jwks = new URL('/.well-known/jwks.json', identity.subgraph.graphqlUrl).toString();
    for (const name of ['a', 'b']) {
      const replica = await startService(
        performanceModule,
        loadConfig(performanceEnvSchema, { DATABASE_URL: performanceDb.url, PORT: '0', NODE_ENV: 'test', JWKS_URL: jwks, REMINDER_INTERVAL_SECONDS: '0.05' }),
        quiet(`performance-${name}`),
        { transport, clock },
      );
      running.push(replica);
      performance.push(replica);
    }
    await seedDemoData(identity.prisma, new ScryptPasswordHasher());
    await publishEmployeeSnapshots(identity.wiring.organisation, identity.wiring.employees);
  });
  afterAll(async () => {
    for (const service of running.reverse()) await service.stop();
    await transport.close();
    for (const database of databases) await database.drop();
    await catcher?.close();
  });

  it('sends each active employee of the agency one plan reminder a week before the deadline, however many replicas run the job', async () => {
    const [hr] = await identity.prisma.employee.findMany({ where: { email: 'hr.siulak@kinerja.demo' } });
    const agencyId = hr!.agencyId;
    const staff = await identity.prisma.employee.findMany({ where: { agencyId, status: 'ACTIVE' }, include: { account: true } });
    const copies = () => performance[0]!.prisma.employeeCopy.count({ where: { agencyId, status: 'ACTIVE' } });
    await until(async () => (await copies()) === staff.length, "performance's copy of the agency's employees");

    const token = await login(identity.subgraph.graphqlUrl, { email: 'hr.siulak@kinerja.demo' });
    const year = clock.now().getUTCFullYear() + 1;
    const created = await graphql(
      performance[0]!.subgraph.graphqlUrl,
      `
        mutation ($input: CreatePerformancePeriodInput!) {
          createPerformancePeriod(input: $input) {
            id
          }
        }
      `,
      { input: { agencyId, year, cadence: 'QUARTERLY', fillInDays: 10 } },
      token,
    );
    expect(created.errors).toBeUndefined();

    // 08:00 WIB a week before Q1's fill-in deadline (10 April): the plan reminders are due.
    clock.jumpTo(`${year}-04-03T01:00:00Z`);
    const withAddress = staff.filter((employee) => (employee.email ?? employee.account?.email ?? null) !== null);
    await catcher.waitFor(withAddress.length, 20_000);
    // Both replicas keep running the job (every 50 ms) and the relay keeps looking: nothing more.
    await sleep(1_000);
    const mails = catcher.mails();
    expect(mails).toHaveLength(withAddress.length);
    expect(new Set(mails.flatMap((mail) => mail.to))).toEqual(new Set(withAddress.map((employee) => employee.email ?? employee.account!.email!)));
    expect(mails.every((mail) => mail.text.includes(`mengajukan SKP (rencana kinerja) Anda adalah 10 April ${year} (7 hari lagi)`))).toBe(true);
    expect(await identity.prisma.notification.count({ where: { agencyId } })).toBe(staff.length);
    expect(await performance[0]!.prisma.reminder.count()).toBe(staff.length);
  });
});
