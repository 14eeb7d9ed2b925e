import type { Clock, IdGenerator } from '@kinerja/kernel';
import type { Logger } from '@kinerja/logger';
import { countingJob, type PeriodicJob } from '@kinerja/service-kit';

import { RelayMail } from './application/mail-relay';
import { MarkNotificationsRead, ReadNotifications } from './application/notifications';
import { notifyWhenReminderDue, REMINDER_EVENT_TYPES } from './application/notify-when-reminder-due.handler';
import type { IdentityConfig } from './env';
import { EmployeeNotificationsResolver, NotificationResolver } from './graphql/notification.resolver';
import type { IdentityPrisma } from './infrastructure/prisma-client';
import { PrismaMailQueue, PrismaNotificationRepository } from './infrastructure/prisma-notification.repository';
import { SmtpMailSender } from './infrastructure/smtp-mail.sender';

/**
 * Deadline reminders in identity (issue 17): the handler of the reminder events, `me.notifications`
 * and `markNotificationsRead`, and the mail relay when an SMTP server is configured.
 */
export function wireReminders(deps: { config: IdentityConfig; prisma: IdentityPrisma; ids: IdGenerator; clock: Clock; logger: Logger }) {
  const { config, prisma, ids, clock, logger } = deps;
  const notifications = new PrismaNotificationRepository(prisma);
  const mailEnabled = config.SMTP_HOST !== undefined;
  const notify = notifyWhenReminderDue({ notifications, ids, clock, mailEnabled });
  const jobs: PeriodicJob[] = [];
  if (config.SMTP_HOST !== undefined) {
    const relay = new RelayMail(
      new PrismaMailQueue(prisma),
      new SmtpMailSender({ host: config.SMTP_HOST, port: config.SMTP_PORT, from: config.MAIL_FROM }),
      () => clock.now(),
    );
    jobs.push(countingJob('mail-relay', config.MAIL_RELAY_INTERVAL_SECONDS, logger, { run: () => relay.execute(), field: 'sent', message: 'mails sent' }));
  }
  return {
    resolvers: [
      new NotificationResolver(new MarkNotificationsRead(notifications, clock)),
      new EmployeeNotificationsResolver(new ReadNotifications(notifications)),
    ],
    handlers: Object.fromEntries(REMINDER_EVENT_TYPES.map((type) => [type, notify])),
    jobs,
  };
}
