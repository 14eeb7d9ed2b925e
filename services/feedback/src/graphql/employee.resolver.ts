import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { PerformanceDialogue } from '../domain/dialogue';
import type { FeedbackNote } from '../domain/feedback-note';
import type { FeedbackContext } from './context';
import { toRequestType } from './feedback-cycle.resolver';
import { EmployeeType, FeedbackNoteType, FeedbackRequestType, PerformanceDialogueType } from './types';

/** feedback's fields on identity's Employee; null where the viewer may not see them. */
@Resolver(() => EmployeeType)
export class EmployeeFeedbackResolver {
  @FieldResolver(() => [FeedbackNoteType], { nullable: true, description: 'Umpan balik berkelanjutan for the employee, newest first' })
  feedbackNotes(@Root() employee: EmployeeType, @Ctx() context: FeedbackContext): Promise<FeedbackNote[] | null> {
    return context.loaders.feedbackNotesOf.load(employee.id);
  }

  @FieldResolver(() => [PerformanceDialogueType], {
    nullable: true,
    description: 'Dialog kinerja of the employee: due follow-ups first, then by date, newest first',
  })
  dialogues(@Root() employee: EmployeeType, @Ctx() context: FeedbackContext): Promise<PerformanceDialogue[] | null> {
    return context.loaders.dialoguesOf.load(employee.id);
  }

  @FieldResolver(() => PerformanceDialogueType, { nullable: true, description: 'The most recent recorded dialogue (the team dashboard)' })
  async lastDialogue(@Root() employee: EmployeeType, @Ctx() context: FeedbackContext): Promise<PerformanceDialogue | null> {
    return (await context.loaders.dialoguesOf.load(employee.id))?.find((dialogue) => dialogue.status !== 'DUE') ?? null;
  }

  @FieldResolver(() => [FeedbackRequestType], { nullable: true, description: 'Open 360° requests the employee is asked to answer' })
  async feedbackRequests(@Root() employee: EmployeeType, @Ctx() context: FeedbackContext): Promise<FeedbackRequestType[] | null> {
    return (await context.loaders.openRequestsOf.load(employee.id))?.map(toRequestType) ?? null;
  }
}
