import type { AuditContext } from '@kinerja/database';

import type { FeedbackNote } from './feedback-note';

export type { Clock, IdGenerator } from '@kinerja/kernel';

export interface FeedbackNoteRepository {
  /** The records of these ids that exist, in any order (one statement per batch). */
  byIds(ids: readonly string[]): Promise<FeedbackNote[]>;
  /** Stores a new record with its audit row in one transaction. */
  create(record: FeedbackNote, audit: AuditContext): Promise<void>;
}
