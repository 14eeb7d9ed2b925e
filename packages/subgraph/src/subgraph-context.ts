import type { Viewer } from '@kinerja/auth';
import type { Logger } from '@kinerja/logger';

/** What every resolver of every subgraph receives; services extend it with their loaders. */
export interface SubgraphContext {
  viewer: Viewer;
  requestId: string;
  logger: Logger;
  /** The real client's address as the gateway identified it (its `x-forwarded-for`), for throttling. */
  clientAddress: string;
}
