import type { Viewer } from '@kinerja/auth';
import type { AuditContext } from '@kinerja/database';

/** Who performs a use case, and the request it belongs to (for the audit trail). */
export interface Actor {
  viewer: Viewer;
  requestId: string;
}

export function auditContextOf(actor: Actor): AuditContext {
  return { actorUserId: actor.viewer.userId, requestId: actor.requestId };
}

/** A change an event caused has no user: the audit row names the event instead. */
export function auditContextOfEvent(eventId: string): AuditContext {
  return { actorUserId: null, requestId: `event:${eventId}` };
}
