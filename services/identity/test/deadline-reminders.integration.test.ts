import { randomUUID } from 'node:crypto';

import { loadConfig } from '@kinerja/config';
import { createEnvelope, type EventEnvelope } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';
import { type MailCatcher, startMailCatcher } from '@kinerja/mail-catcher';
import { InProcessTransport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { graphql, LOGIN } from '../../../test/support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { RelayMail } from '../src/application/mail-relay';
import { identityEnvSchema } from '../src/env';
import { identityModule, type IdentityService } from '../src/identity.module';
import { PrismaMailQueue } from '../src/infrastructure/prisma-notification.repository';
import { ScryptPasswordHasher } from '../src/infrastructure/scrypt-password-hasher';
import { SmtpMailSender } from '../src/infrastructure/smtp-mail.sender';
import { seedDemoData } from '../src/seed/seed-demo-data';

// A reminder event (as performance publishes it) becomes one notification and one mail per
// recipient, even redelivered and with two mail relays at once, through a real SMTP server (the catcher).
describe('deadline reminders in identity: notification, mail, me.notifications', () => {
  let catcher: MailCatcher;
  let database: TestDatabase;
  let service: IdentityService;

  beforeAll(async () => {
    catcher = await startMailCatcher();
    database = await createTestDatabase('id_remind');
    const config = loadConfig(identityEnvSchema, {
      DATABASE_URL: database.url,
      PORT: '0',
      NODE_ENV: 'test',
      SMTP_HOST: catcher.host,
      SMTP_PORT: String(catcher.port),
      // The test runs the relays itself.
      MAIL_RELAY_INTERVAL_SECONDS: '0',
    });
    service = await startService(identityModule, config, createLogger({ name: 'identity', level: 'silent' }), { transport: new InProcessTransport() });
    await seedDemoData(service.prisma, new ScryptPasswordHasher());
  });
  afterAll(async () => {
    await service?.stop();
    await database?.drop();
    await catcher?.close();
  });

  const employeeOf = (email: string) => service.prisma.employee.findFirstOrThrow({ where: { email } });
  const reminder = (employee: { id: string; agencyId: string }, step: 'PLAN_SUBMISSION' | 'ASSESSMENT_FINALIZATION', pending = 1) =>
    createEnvelope({
      id: randomUUID(),
      type: 'performance.reminder.due',
      agencyId: employee.agencyId,
      producer: 'performance',
      payload: { reminderId: randomUUID(), recipientEmployeeId: employee.id, step, subjectId: randomUUID(), deadline: '2026-04-10', daysBefore: 7, pending },
    });
  const handle = (event: EventEnvelope<'performance.reminder.due'>) =>
    (service.wiring.handlers['performance.reminder.due'] as (e: typeof event) => Promise<void>)(event);

  it('writes one notification and one mail per reminder; two relays at once send each mail once', async () => {
    const employee = await employeeOf('employee.siulak@kinerja.demo');
    const supervisor = await employeeOf('supervisor.siulak@kinerja.demo').catch(() => null);
    const other = supervisor ?? (await employeeOf('hr.siulak@kinerja.demo'));
    const plan = reminder(employee, 'PLAN_SUBMISSION');
    const assess = reminder(other, 'ASSESSMENT_FINALIZATION', 3);
    await handle(plan);
    await handle(plan); // a redelivery
    await handle(assess);
    expect(await service.prisma.notification.count()).toBe(2);
    expect(await service.prisma.mailOutbox.count()).toBe(2);
    // A reminder naming another agency than the employee's contradicts identity: rejected, nothing written.
    await expect(
      handle(reminder({ id: employee.id, agencyId: other.agencyId === employee.agencyId ? randomUUID() : other.agencyId }, 'PLAN_SUBMISSION')),
    ).rejects.toMatchObject({
      code: 'AGENCY_MISMATCH',
    });
    await expect(handle(reminder({ id: randomUUID(), agencyId: employee.agencyId }, 'PLAN_SUBMISSION'))).rejects.toMatchObject({ code: 'UNKNOWN_EMPLOYEE' });
    expect(await service.prisma.notification.count()).toBe(2);

    const relays = [0, 1].map(
      () =>
        new RelayMail(
          new PrismaMailQueue(service.prisma),
          new SmtpMailSender({ host: catcher.host, port: catcher.port, from: 'Kinerja <noreply@kinerja.invalid>' }),
          () => new Date(),
          1,
        ),
    );
    const sent = await Promise.all(relays.map((relay) => relay.execute()));
    expect(sent[0]! + sent[1]!).toBe(2);
    await catcher.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(catcher.mails()).toHaveLength(2);
    const mail = catcher.mails().find((m) => m.to.includes('employee.siulak@kinerja.demo'))!;
    expect(mail.subject).toBe('[Kinerja] Pengingat batas waktu 10 April 2026 / Deadline reminder');
    expect(mail.text).toContain('Batas waktu untuk mengajukan SKP (rencana kinerja) Anda adalah 10 April 2026 (7 hari lagi).');
    expect(mail.text).toContain('The deadline to submit your SKP (performance plan) is 2026-04-10 (in 7 days).');
    expect(await relays[0]!.execute()).toBe(0);
    expect(await service.prisma.mailOutbox.count({ where: { sentAt: null } })).toBe(0);
    // The SMTP server refusing: the mail is counted with its error and sent at a later round.
    await handle(reminder(other, 'PLAN_SUBMISSION'));
    const refused = { send: () => Promise.reject(new Error('421 service not available')) };
    expect(await new RelayMail(new PrismaMailQueue(service.prisma), refused, () => new Date()).execute()).toBe(0);
    expect(await service.prisma.mailOutbox.findFirstOrThrow({ where: { sentAt: null } })).toMatchObject({
      attempts: 1,
      lastError: '421 service not available',
    });
    expect(await relays[0]!.execute()).toBe(1);
    await catcher.waitFor(3);
    // Sent mails are kept 30 days, then the relay deletes them.
    await service.prisma.mailOutbox.updateMany({ data: { sentAt: new Date(Date.now() - 31 * 86_400_000) } });
    await relays[0]!.execute();
    expect(await service.prisma.mailOutbox.count()).toBe(0);
  });

  it('shows them in me.notifications to their employee only; read/unread by markNotificationsRead', async () => {
    const login = await graphql(service.subgraph.graphqlUrl, LOGIN, { input: { email: 'employee.siulak@kinerja.demo', password: 'kinerja-demo' } });
    const token = (login.data?.['login'] as { accessToken: string }).accessToken;
    const ME = `query ($unread: Boolean!) { me { notifications(unreadOnly: $unread) { unreadCount edges { node { id step deadline daysBefore read message messageEn: message(language: EN) } } } } }`;
    const mine = await graphql(service.subgraph.graphqlUrl, ME, { unread: true }, token);
    const connection = (mine.data?.['me'] as { notifications: { unreadCount: number; edges: { node: Record<string, unknown> }[] } }).notifications;
    expect(connection.unreadCount).toBe(1);
    expect(connection.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        step: 'PLAN_SUBMISSION',
        deadline: '2026-04-10',
        daysBefore: 7,
        read: false,
        message: 'Pengingat: mengajukan SKP (rencana kinerja) Anda paling lambat 10 April 2026.',
        messageEn: 'Reminder: submit your SKP (performance plan) by 2026-04-10.',
      }),
    ]);
    const id = connection.edges[0]!.node['id'] as string;
    const othersId = (await service.prisma.notification.findFirstOrThrow({ where: { id: { not: id } } })).id;
    const MARK = `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read readAt } }`;
    const marked = await graphql(service.subgraph.graphqlUrl, MARK, { ids: [id, othersId] }, token);
    expect(marked.data?.['markNotificationsRead']).toEqual([expect.objectContaining({ id, read: true })]);
    expect((await service.prisma.notification.findUniqueOrThrow({ where: { id: othersId } })).readAt).toBeNull();
    const after = await graphql(service.subgraph.graphqlUrl, ME, { unread: true }, token);
    expect(after.data?.['me']).toEqual({ notifications: { unreadCount: 0, edges: [] } });
    const all = await graphql(service.subgraph.graphqlUrl, ME, { unread: false }, token);
    expect((all.data?.['me'] as { notifications: { edges: unknown[] } }).notifications.edges).toHaveLength(1);
    // Another employee's record: not their notifications to read.
    const EMPLOYEE = `query ($id: ID!) { employee(id: $id) { notifications { unreadCount } } }`;
    const otherEmployee = (await service.prisma.notification.findUniqueOrThrow({ where: { id: othersId } })).employeeId;
    const denied = await graphql(service.subgraph.graphqlUrl, EMPLOYEE, { id: otherEmployee }, token);
    expect(denied.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
