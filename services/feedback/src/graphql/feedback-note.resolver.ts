import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { CreateFeedbackNote } from '../application/create-feedback-note.command';
import type { FeedbackReader } from '../application/feedback.reader';
import type { FeedbackNote } from '../domain/feedback-note';
import { actorOf, type FeedbackContext } from './context';
import { CreateFeedbackNoteInput } from './inputs';
import { FeedbackNoteType } from './types';

@Resolver(() => FeedbackNoteType)
export class FeedbackNoteResolver {
  constructor(
    private readonly reader: FeedbackReader,
    private readonly createFeedbackNoteCommand: CreateFeedbackNote,
  ) {}

  @Query(() => FeedbackNoteType)
  feedbackNote(@Arg('id', () => ID) id: string, @Ctx() context: FeedbackContext): Promise<FeedbackNote> {
    return this.reader.one(context.viewer, id);
  }

  @Mutation(() => FeedbackNoteType)
  createFeedbackNote(@Arg('input') input: CreateFeedbackNoteInput, @Ctx() context: FeedbackContext): Promise<FeedbackNote> {
    return this.createFeedbackNoteCommand.execute(actorOf(context), input);
  }
}
