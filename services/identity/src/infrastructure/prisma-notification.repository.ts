import { handleEventOnce, rejectIfDoubted } from '@kinerja/messaging';

import type { MailQueue, Notification, NotificationPage, NotificationRepository, OutgoingMail, ReminderStep } from '../domain/notification';
import type { IdentityPrisma } from './prisma-client';

type NotificationRow = {
  id: string;
  agencyId: string;
  employeeId: string;
  step: string;
  subjectId: string;
  deadline: Date;
  daysBefore: number;
  pending: number;
  createdAt: Date;
  readAt: Date | null;
};

const toNotification = (row: NotificationRow): Notification => ({
  ...row,
  step: row.step as ReminderStep,
  deadline: row.deadline.toISOString().slice(0, 10),
});

export class PrismaNotificationRepository implements NotificationRepository {
  constructor(
    private readonly prisma: IdentityPrisma,
    /** Wakes the mail relay once a transaction that queued a mail has committed. */
    private readonly afterMailQueued: () => void = () => undefined,
  ) {}

  async recordReminder(
    claim: { eventId: string; consumer: string },
    notification: Notification,
    mail: (recipient: { name: string; email: string | null }) => OutgoingMail | null,
  ): Promise<boolean> {
    let queued = false;
    const claimed = await handleEventOnce(this.prisma, claim.consumer, claim.eventId, async (tx) => {
      const employee = await tx.employee.findUnique({ where: { id: notification.employeeId }, include: { account: true } });
      // identity owns the employees: a reminder for one it does not know, or naming another agency,
      // contradicts it and is dead-lettered with the reason (nothing written, the claim rolled back).
      rejectIfDoubted(
        !employee
          ? { code: 'UNKNOWN_EMPLOYEE', detail: `employee ${notification.employeeId} does not exist` }
          : employee.agencyId !== notification.agencyId
            ? { code: 'AGENCY_MISMATCH', detail: `employee ${employee.id} belongs to agency ${employee.agencyId}, the event names ${notification.agencyId}` }
            : null,
      );
      if (!employee) return { wroteOutbox: false };
      await tx.notification.create({ data: { ...notification, deadline: new Date(`${notification.deadline}T00:00:00Z`) } });
      const outgoing = mail({ name: employee.name, email: employee.email ?? employee.account?.email ?? null });
      if (outgoing) {
        await tx.mailOutbox.create({
          data: { id: outgoing.id, toAddress: outgoing.to, subject: outgoing.subject, body: outgoing.text, createdAt: notification.createdAt },
        });
        queued = true;
      }
      return { wroteOutbox: false };
    });
    if (queued) this.afterMailQueued();
    return claimed;
  }

  async page(employeeId: string, options: { unreadOnly: boolean; first: number; after: string | null }): Promise<NotificationPage> {
    const where = { employeeId, ...(options.unreadOnly ? { readAt: null } : {}) };
    const cursor = options.after
      ? await this.prisma.notification.findFirst({ where: { id: options.after, employeeId }, select: { id: true, createdAt: true } })
      : null;
    const [rows, unreadCount] = await Promise.all([
      this.prisma.notification.findMany({
        where: cursor ? { AND: [where, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] } : where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: options.first + 1,
      }),
      this.prisma.notification.count({ where: { employeeId, readAt: null } }),
    ]);
    return { items: rows.slice(0, options.first).map(toNotification), hasNextPage: rows.length > options.first, unreadCount };
  }

  async markRead(employeeId: string, ids: readonly string[], at: Date): Promise<Notification[]> {
    await this.prisma.notification.updateMany({ where: { employeeId, id: { in: [...ids] }, readAt: null }, data: { readAt: at } });
    const rows = await this.prisma.notification.findMany({ where: { employeeId, id: { in: [...ids] } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    return rows.map(toNotification);
  }
}

/** Gives up on a mail after this many failed attempts (it stays in the table with its last error). */
export const MAX_MAIL_ATTEMPTS = 10;

export class PrismaMailQueue implements MailQueue {
  constructor(private readonly prisma: IdentityPrisma) {}

  pruneSent(before: Date, limit: number): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM mail_outbox WHERE id IN (
        SELECT id FROM mail_outbox WHERE sent_at < ${before} ORDER BY sent_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)`;
  }

  async sendBatch(limit: number, send: (mail: OutgoingMail) => Promise<void>, at: () => Date): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        // Rows another replica holds are skipped, not waited for: each mail is sent by one relay.
        const rows = await tx.$queryRaw<{ id: string; toAddress: string; subject: string; body: string }[]>`
          SELECT id::text AS id, to_address AS "toAddress", subject, body FROM mail_outbox
          WHERE sent_at IS NULL AND attempts < ${MAX_MAIL_ATTEMPTS}
          ORDER BY created_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
        let sent = 0;
        for (const row of rows) {
          try {
            await send({ id: row.id, to: row.toAddress, subject: row.subject, text: row.body });
            await tx.mailOutbox.update({ where: { id: row.id }, data: { sentAt: at(), attempts: { increment: 1 }, lastError: null } });
            sent += 1;
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            await tx.mailOutbox.update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lastError: message.slice(0, 500) } });
            // The server is likely down or refusing: the rest waits for the next round rather than
            // each timing out in turn inside this transaction.
            break;
          }
        }
        return sent;
      },
      { timeout: 120_000 },
    );
  }
}
