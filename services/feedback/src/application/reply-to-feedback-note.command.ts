import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { type FeedbackNote, replyToNote } from '../domain/feedback-note';
import type { Clock, FeedbackNoteRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import type { FeedbackNoteReader } from './feedback-note.reader';

/** The employee answers a note written for them, once. */
export class ReplyToFeedbackNote {
  constructor(
    private readonly reader: FeedbackNoteReader,
    private readonly notes: FeedbackNoteRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { noteId: string; text: string }): Promise<FeedbackNote> {
    assertAuthenticated(actor.viewer);
    assertEntityId(input.noteId, 'input.noteId');
    const [note] = await this.reader.visible(actor.viewer, [input.noteId]);
    if (!note) throw new NotFoundError('FeedbackNote', input.noteId, 'input.noteId');
    if (actor.viewer.employeeId !== note.employeeId) throw new ForbiddenError('Only the employee the note was written for may reply');
    let replied: FeedbackNote;
    try {
      replied = replyToNote(note, input.text, this.clock);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.notes.saveReply(note, replied, auditContextOf(actor));
    return replied;
  }
}
