import { type MailCatcher, startMailCatcher } from '@kinerja/mail-catcher';

/**
 * `npm start`'s mail server: a local SMTP catcher that keeps the deadline reminders identity mails
 * (nothing leaves the machine), listed as JSON over HTTP.
 */
export async function startEmbeddedMail(): Promise<{ catcher: MailCatcher; identityEnv: Record<string, string>; bannerLine: string }> {
  const catcher = await startMailCatcher({ httpPort: 0 });
  return {
    catcher,
    // A demo relays its mails at once rather than every 10 s.
    identityEnv: { SMTP_HOST: catcher.host, SMTP_PORT: String(catcher.port), MAIL_RELAY_INTERVAL_SECONDS: '2' },
    bannerLine: `  mail (SMTP catcher)    smtp://${catcher.host}:${catcher.port}, caught mails at ${catcher.httpUrl ?? ''}`,
  };
}
