import { canReadAgency, type Viewer } from '@kinerja/auth';
import { NotFoundError } from '@kinerja/errors';
import { isEntityId } from '@kinerja/kernel';

import type { FeedbackNote } from '../domain/feedback-note';
import type { FeedbackNoteRepository } from '../domain/repositories';

/** Reads for the graph; another agency's record answers exactly like one that does not exist. */
export class FeedbackReader {
  constructor(private readonly records: FeedbackNoteRepository) {}

  /** For `_entities` and the loaders: null for what is unknown, malformed or not the viewer's to see. */
  async visible(viewer: Viewer, ids: readonly string[]): Promise<(FeedbackNote | null)[]> {
    const wellFormed = ids.filter(isEntityId);
    const found = new Map((wellFormed.length > 0 ? await this.records.byIds(wellFormed) : []).map((record) => [record.id, record]));
    return ids.map((id) => {
      const record = found.get(id);
      return record && canReadAgency(viewer, record.agencyId) ? record : null;
    });
  }

  async one(viewer: Viewer, id: string): Promise<FeedbackNote> {
    const [record] = await this.visible(viewer, [id]);
    if (!record) throw new NotFoundError('FeedbackNote', id, 'id');
    return record;
  }
}
