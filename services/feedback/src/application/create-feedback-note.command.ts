import { assertCanManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { type FeedbackNote, newFeedbackNote } from '../domain/feedback-note';
import type { Clock, FeedbackNoteRepository, IdGenerator } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

export class CreateFeedbackNote {
  constructor(
    private readonly records: FeedbackNoteRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** HR of the agency (or the province admin) creates a record of that agency. */
  async execute(actor: Actor, input: { agencyId: string; title: string }): Promise<FeedbackNote> {
    assertEntityId(input.agencyId, 'input.agencyId');
    assertCanManageAgency(actor.viewer, input.agencyId);
    let record: FeedbackNote;
    try {
      record = newFeedbackNote(input, this.ids, this.clock);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.records.create(record, auditContextOf(actor));
    return record;
  }
}
