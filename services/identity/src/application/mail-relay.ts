import type { MailQueue, OutgoingMail } from '../domain/notification';

/** The port to the mail server (SMTP in production, the catcher in tests and npm start). */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

/** A sent mail is kept this long (for an operator's questions), then deleted. */
export const SENT_MAIL_RETENTION_DAYS = 30;

/**
 * One round of the mail relay: sends what is queued, in batches, until a batch is not full, then
 * deletes a chunk of the mails sent longer ago than the retention.
 */
export class RelayMail {
  constructor(
    private readonly queue: MailQueue,
    private readonly sender: MailSender,
    private readonly now: () => Date,
    private readonly batchSize = 20,
  ) {}

  async execute(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.queue.sendBatch(this.batchSize, (mail) => this.sender.send(mail), this.now);
      total += sent;
      if (sent < this.batchSize) break;
    }
    await this.queue.pruneSent(new Date(this.now().getTime() - SENT_MAIL_RETENTION_DAYS * 86_400_000), 1_000);
    return total;
  }
}
