import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { FeedbackNote } from '../domain/feedback-note';
import type { FeedbackContext } from './context';
import { EmployeeType, FeedbackNoteType } from './types';

/** feedback's fields on identity's Employee; null where the viewer may not see them. */
@Resolver(() => EmployeeType)
export class EmployeeFeedbackResolver {
  @FieldResolver(() => [FeedbackNoteType], { nullable: true, description: 'Umpan balik berkelanjutan for the employee, newest first' })
  feedbackNotes(@Root() employee: EmployeeType, @Ctx() context: FeedbackContext): Promise<FeedbackNote[] | null> {
    return context.loaders.feedbackNotesOf.load(employee.id);
  }
}
