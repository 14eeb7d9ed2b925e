import type { AuditContext } from '@kinerja/database';

import type { __Entity__ } from './__entity-kebab__';

export type { Clock, IdGenerator } from '@kinerja/kernel';

export interface __Entity__Repository {
  /** The records of these ids that exist, in any order (one statement per batch). */
  byIds(ids: readonly string[]): Promise<__Entity__[]>;
  /** Stores a new record with its audit row in one transaction. */
  create(record: __Entity__, audit: AuditContext): Promise<void>;
}
