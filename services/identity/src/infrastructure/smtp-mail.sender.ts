import { createTransport, type Transporter } from 'nodemailer';

import type { MailSender } from '../application/mail-relay';
import type { OutgoingMail } from '../domain/notification';

/** Sends through an SMTP server (no authentication, STARTTLS when the server offers it). */
export class SmtpMailSender implements MailSender {
  private readonly transporter: Transporter;

  constructor(options: { host: string; port: number; from: string }) {
    this.transporter = createTransport(
      { host: options.host, port: options.port, secure: false, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
      { from: options.from },
    );
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.id}@kinerja>` });
  }

  close(): void {
    this.transporter.close();
  }
}
