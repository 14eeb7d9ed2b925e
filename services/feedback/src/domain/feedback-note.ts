import { ValidationError } from '@kinerja/errors';
import type { Clock, IdGenerator } from '@kinerja/kernel';

/** What every record of feedback is: owned by one agency (DOMAIN.md), audited when it changes. */
export interface FeedbackNote {
  id: string;
  agencyId: string;
  title: string;
  createdAt: Date;
}

export const TITLE_MAX_LENGTH = 200;

/** The factory guards the entity's rules; `rebuildFeedbackNote` (in the mapper) trusts the database. */
export function newFeedbackNote(input: { agencyId: string; title: string }, ids: IdGenerator, clock: Clock): FeedbackNote {
  const title = input.title.trim();
  if (title.length === 0) throw new ValidationError({ field: 'title', message: 'must not be empty' });
  if (title.length > TITLE_MAX_LENGTH) throw new ValidationError({ field: 'title', message: `must be at most ${TITLE_MAX_LENGTH} characters` });
  return { id: ids.newId(), agencyId: input.agencyId, title, createdAt: clock.now() };
}
