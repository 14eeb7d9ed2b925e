import type { Viewer } from '@kinerja/auth';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '@kinerja/errors';
import { type Clock, isEntityId } from '@kinerja/kernel';

import type { Notification, NotificationPage, NotificationRepository } from '../domain/notification';

/** The largest page of notifications and the most ids marked read at once. */
export const MAX_NOTIFICATIONS_PAGE = 100;

/** Only the employee themself reads their notifications (they are about their own work). */
function ownEmployeeId(viewer: Viewer | null, employeeId: string): string {
  if (!viewer) throw new UnauthenticatedError();
  if (viewer.employeeId !== employeeId) throw new ForbiddenError('Only the employee reads their own notifications');
  return employeeId;
}

export class ReadNotifications {
  constructor(private readonly notifications: NotificationRepository) {}

  execute(viewer: Viewer | null, employeeId: string, options: { unreadOnly: boolean; first: number; after: string | null }): Promise<NotificationPage> {
    const own = ownEmployeeId(viewer, employeeId);
    if (!Number.isInteger(options.first) || options.first < 1 || options.first > MAX_NOTIFICATIONS_PAGE) {
      throw new ValidationError({ field: 'first', message: `must be from 1 to ${MAX_NOTIFICATIONS_PAGE}` });
    }
    if (options.after !== null && !isEntityId(options.after)) throw new ValidationError({ field: 'after', message: 'must be a cursor of this list' });
    return this.notifications.page(own, options);
  }
}

export class MarkNotificationsRead {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  /** The signed-in employee's notifications among `ids`, now read; ids of others' or unknown ones are ignored. */
  execute(viewer: Viewer | null, ids: readonly string[]): Promise<Notification[]> {
    if (!viewer) throw new UnauthenticatedError();
    if (!viewer.employeeId) throw new ForbiddenError('Only employees have notifications');
    if (ids.length > MAX_NOTIFICATIONS_PAGE) throw new ValidationError({ field: 'ids', message: `at most ${MAX_NOTIFICATIONS_PAGE} at once` });
    return this.notifications.markRead(viewer.employeeId, ids.filter(isEntityId), this.clock.now());
  }
}
