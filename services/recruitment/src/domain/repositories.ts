import type { AuditContext } from '@kinerja/database';

import type { Vacancy } from './vacancy';

export type { Clock, IdGenerator } from '@kinerja/kernel';

export interface VacancyRepository {
  /** The records of these ids that exist, in any order (one statement per batch). */
  byIds(ids: readonly string[]): Promise<Vacancy[]>;
  /** Stores a new record with its audit row in one transaction. */
  create(record: Vacancy, audit: AuditContext): Promise<void>;
}
