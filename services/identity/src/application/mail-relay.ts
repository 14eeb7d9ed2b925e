import type { MailQueue, OutgoingMail } from '../domain/notification';

/** The port to the mail server (SMTP in production, the catcher in tests and npm start). */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

/** One round of the mail relay: sends what is queued, in batches, until nothing is left or a batch sent nothing. */
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
      if (sent < this.batchSize) return total;
    }
  }
}
