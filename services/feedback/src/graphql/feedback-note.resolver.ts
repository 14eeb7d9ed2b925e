import { NotFoundError } from '@kinerja/errors';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { RecordFeedbackNote } from '../application/record-feedback-note.command';
import type { ReplyToFeedbackNote } from '../application/reply-to-feedback-note.command';
import type { FeedbackNote } from '../domain/feedback-note';
import { actorOf, type FeedbackContext } from './context';
import { RecordFeedbackNoteInput, ReplyToFeedbackNoteInput } from './inputs';
import { EmployeeType, FeedbackNoteType } from './types';

@Resolver(() => FeedbackNoteType)
export class FeedbackNoteResolver {
  constructor(
    private readonly recordNote: RecordFeedbackNote,
    private readonly replyToNote: ReplyToFeedbackNote,
  ) {}

  @Query(() => FeedbackNoteType, { description: 'One feedback note, for the employee and their supervisor chain' })
  async feedbackNote(@Arg('id', () => ID) id: string, @Ctx() context: FeedbackContext): Promise<FeedbackNote> {
    const note = await context.loaders.feedbackNote.load(id);
    if (!note) throw new NotFoundError('FeedbackNote', id, 'id');
    return note;
  }

  @Mutation(() => FeedbackNoteType, { description: 'The direct supervisor records a feedback note for a subordinate' })
  recordFeedbackNote(@Arg('input') input: RecordFeedbackNoteInput, @Ctx() context: FeedbackContext): Promise<FeedbackNote> {
    return this.recordNote.execute(actorOf(context), input);
  }

  @Mutation(() => FeedbackNoteType, { description: 'The employee replies to a note written for them, once' })
  replyToFeedbackNote(@Arg('input') input: ReplyToFeedbackNoteInput, @Ctx() context: FeedbackContext): Promise<FeedbackNote> {
    return this.replyToNote.execute(actorOf(context), input);
  }

  @FieldResolver(() => EmployeeType)
  employee(@Root() note: FeedbackNote): EmployeeType {
    return { id: note.employeeId };
  }

  @FieldResolver(() => EmployeeType)
  author(@Root() note: FeedbackNote): EmployeeType {
    return { id: note.authorEmployeeId };
  }
}
