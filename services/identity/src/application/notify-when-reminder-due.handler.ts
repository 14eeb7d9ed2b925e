import type { EventEnvelope } from '@kinerja/events';
import type { Clock, IdGenerator } from '@kinerja/kernel';

import { type NotificationRepository, reminderMail } from '../domain/notification';
import { IDENTITY_CONSUMER } from './create-employee-when-applicant-hired.handler';

/** The reminder events identity turns into notifications and mails. */
export const REMINDER_EVENT_TYPES = ['performance.reminder.due', 'feedback.reminder.due'] as const;

type ReminderDue = EventEnvelope<(typeof REMINDER_EVENT_TYPES)[number]>;

/**
 * A deadline reminder becomes a notification of its recipient and, when mail is on and they have an
 * address, a mail in the mail outbox: one unit of work with the claim of the event, so a
 * redelivery writes neither twice. The producer already sent each reminder once (its claim table).
 */
export function notifyWhenReminderDue(deps: { notifications: NotificationRepository; ids: IdGenerator; clock: Clock; mailEnabled: boolean }) {
  return async (event: ReminderDue): Promise<void> => {
    const reminder = event.payload;
    const notification = {
      id: deps.ids.newId(),
      agencyId: event.agencyId,
      employeeId: reminder.recipientEmployeeId,
      step: reminder.step,
      subjectId: reminder.subjectId,
      deadline: reminder.deadline,
      daysBefore: reminder.daysBefore,
      pending: reminder.pending,
      createdAt: deps.clock.now(),
      readAt: null,
    };
    await deps.notifications.recordReminder({ eventId: event.id, consumer: IDENTITY_CONSUMER }, notification, (recipient) =>
      deps.mailEnabled && recipient.email ? { id: deps.ids.newId(), to: recipient.email, ...reminderMail(notification, recipient.name) } : null,
    );
  };
}
