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
