import type { Viewer } from './viewer';

/** Who performs a use case, and the request it belongs to (for the audit trail). */
export interface Actor {
  viewer: Viewer;
  requestId: string;
}
