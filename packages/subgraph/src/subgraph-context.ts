import type { Viewer } from '@kinerja/auth';
import type { Logger } from '@kinerja/logger';

/** What every resolver of every subgraph receives; services extend it with their loaders. */
export interface SubgraphContext {
  viewer: Viewer;
  requestId: string;
  logger: Logger;
  /** The caller's address as the gateway saw it (first `x-forwarded-for` entry), for throttling. */
  clientAddress: string;
}
