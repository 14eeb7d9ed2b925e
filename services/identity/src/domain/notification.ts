import { indonesianDate } from '@kinerja/kernel';

/** What a deadline reminder asks of its recipient (performance and feedback send them). */
export type ReminderStep = 'PLAN_SUBMISSION' | 'REALIZATION_REPORT' | 'ASSESSMENT_FINALIZATION' | 'FEEDBACK_RESPONSE';

/** An in-app notification of an employee: a deadline reminder, unread until they mark it read. */
export interface Notification {
  id: string;
  agencyId: string;
  employeeId: string;
  step: ReminderStep;
  /** The period or 360° cycle whose deadline it is. */
  subjectId: string;
  deadline: string;
  daysBefore: number;
  pending: number;
  createdAt: Date;
  readAt: Date | null;
}

/** A mail waiting for the mail relay. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export type MessageLanguage = 'id' | 'en';

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** What is left to do, in each language. */
function task(step: ReminderStep, pending: number, language: MessageLanguage): string {
  const id: Record<ReminderStep, string> = {
    PLAN_SUBMISSION: 'mengajukan SKP (rencana kinerja) Anda',
    REALIZATION_REPORT: `melaporkan realisasi ${pending} indikator`,
    ASSESSMENT_FINALIZATION: `menyelesaikan penilaian kinerja ${pending} pegawai`,
    FEEDBACK_RESPONSE: `mengisi ${pending} permintaan umpan balik 360 derajat`,
  };
  const en: Record<ReminderStep, string> = {
    PLAN_SUBMISSION: 'submit your SKP (performance plan)',
    REALIZATION_REPORT: `report the realization of ${pending} ${plural(pending, 'indicator', 'indicators')}`,
    ASSESSMENT_FINALIZATION: `finalize the performance assessment of ${pending} ${plural(pending, 'employee', 'employees')}`,
    FEEDBACK_RESPONSE: `answer ${pending} 360-degree feedback ${plural(pending, 'request', 'requests')}`,
  };
  return (language === 'id' ? id : en)[step];
}

/** The notification's one-line text in the app. */
export function notificationMessage(n: Pick<Notification, 'step' | 'pending' | 'deadline'>, language: MessageLanguage): string {
  return language === 'id'
    ? `Pengingat: ${task(n.step, n.pending, 'id')} paling lambat ${indonesianDate(n.deadline)}.`
    : `Reminder: ${task(n.step, n.pending, 'en')} by ${n.deadline}.`;
}

/** The reminder mail: Indonesian first, then English. ASCII only, so every mail reader shows it as written. */
export function reminderMail(n: Pick<Notification, 'step' | 'pending' | 'deadline' | 'daysBefore'>, name: string): { subject: string; text: string } {
  const daysId = n.daysBefore === 0 ? 'hari ini' : `${n.daysBefore} hari lagi`;
  const daysEn = n.daysBefore === 0 ? 'today' : `in ${n.daysBefore} ${plural(n.daysBefore, 'day', 'days')}`;
  return {
    subject: `[Kinerja] Pengingat batas waktu ${indonesianDate(n.deadline)} / Deadline reminder`,
    text: [
      `Yth. ${name},`,
      '',
      `Batas waktu untuk ${task(n.step, n.pending, 'id')} adalah ${indonesianDate(n.deadline)} (${daysId}).`,
      'Silakan masuk ke Kinerja untuk menyelesaikannya.',
      '',
      '---',
      '',
      `Dear ${name},`,
      '',
      `The deadline to ${task(n.step, n.pending, 'en')} is ${n.deadline} (${daysEn}).`,
      'Please sign in to Kinerja to complete it.',
      '',
      '-- Kinerja (pesan otomatis / automated message)',
    ].join('\n'),
  };
}

export interface NotificationPage {
  items: Notification[];
  hasNextPage: boolean;
  unreadCount: number;
}

/** identity's store of notifications and outgoing mails. */
export interface NotificationRepository {
  /**
   * One unit of work for a reminder event: claims the event id for `consumer`, writes the
   * notification for its employee and, when `mailTo` has an address, the mail. Resolves false for a
   * redelivery (nothing written).
   */
  recordReminder(
    claim: { eventId: string; consumer: string },
    notification: Notification,
    mail: (recipient: { name: string; email: string | null }) => OutgoingMail | null,
  ): Promise<boolean>;
  /** Newest first; `after` is the id of the last notification of the previous page. */
  page(employeeId: string, options: { unreadOnly: boolean; first: number; after: string | null }): Promise<NotificationPage>;
  /** Marks the employee's notifications among `ids` read (others' are left alone); resolves those now read. */
  markRead(employeeId: string, ids: readonly string[], at: Date): Promise<Notification[]>;
}

/** The mail relay's queue. */
export interface MailQueue {
  /**
   * Takes up to `limit` unsent mails no other replica holds (`FOR UPDATE SKIP LOCKED`), hands each
   * to `send`, and marks those sent; a failure is counted on its mail and ends the batch (the rest
   * waits for the next round). Resolves how many were sent.
   */
  sendBatch(limit: number, send: (mail: OutgoingMail) => Promise<void>, at: () => Date): Promise<number>;
  /** Deletes up to `limit` mails sent before `before` (replicas take different rows); resolves how many. */
  pruneSent(before: Date, limit: number): Promise<number>;
}
