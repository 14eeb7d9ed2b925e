import { NotFoundError } from '@kinerja/errors';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { CloseFeedbackCycle } from '../application/close-feedback-cycle.command';
import type { CycleView } from '../application/feedback-cycle.reader';
import type { StartFeedbackCycle } from '../application/start-feedback-cycle.command';
import type { SubmitFeedback } from '../application/submit-feedback.command';
import type { FeedbackCycle } from '../domain/feedback-cycle';
import type { OpenRequest } from '../domain/repositories';
import { actorOf, type FeedbackContext } from './context';
import { StartFeedbackCycleInput, SubmitFeedbackInput } from './inputs';
import { EmployeeType, FeedbackCycleType, FeedbackRequestType, FeedbackSubmissionType, QuestionnaireItemType } from './types';

export const toRequestType = ({ request, cycle }: OpenRequest): FeedbackRequestType => ({
  id: request.id,
  cycleId: cycle.id,
  subject: { id: cycle.subjectId },
  group: request.group,
  dueDate: cycle.dueDate,
  questionnaire: cycle.items,
});

@Resolver(() => FeedbackCycleType)
export class FeedbackCycleResolver {
  constructor(
    private readonly start: StartFeedbackCycle,
    private readonly submit: SubmitFeedback,
    private readonly close: CloseFeedbackCycle,
  ) {}

  @Query(() => FeedbackCycleType, { description: 'A 360° cycle with its aggregate, for the subject, the supervisor chain and HR' })
  async feedbackCycle(@Arg('id', () => ID) id: string, @Ctx() context: FeedbackContext): Promise<CycleView> {
    const cycle = await context.loaders.feedbackCycle.load(id);
    if (!cycle) throw new NotFoundError('FeedbackCycle', id, 'id');
    return cycle;
  }

  @Mutation(() => FeedbackCycleType, { description: 'The supervisor or HR starts a 360° cycle; raters come from the reporting line' })
  async startFeedbackCycle(@Arg('input') input: StartFeedbackCycleInput, @Ctx() context: FeedbackContext): Promise<CycleView> {
    return this.viewOf(await this.start.execute(actorOf(context), input), context);
  }

  @Mutation(() => FeedbackSubmissionType, { description: 'A rater answers every item once (1–5)' })
  submitFeedback(@Arg('input') input: SubmitFeedbackInput, @Ctx() context: FeedbackContext): Promise<FeedbackSubmissionType> {
    return this.submit.execute(actorOf(context), input);
  }

  @Mutation(() => FeedbackCycleType, { description: 'Closes the cycle and publishes feedback.cycle.completed' })
  async closeFeedbackCycle(@Arg('cycleId', () => ID) cycleId: string, @Ctx() context: FeedbackContext): Promise<CycleView> {
    return this.viewOf(await this.close.execute(actorOf(context), cycleId), context);
  }

  @FieldResolver(() => EmployeeType)
  subject(@Root() cycle: FeedbackCycle): EmployeeType {
    return { id: cycle.subjectId };
  }

  @FieldResolver(() => [QuestionnaireItemType])
  questionnaire(@Root() cycle: FeedbackCycle): QuestionnaireItemType[] {
    return cycle.items;
  }

  /** The stored cycle as its caller may see it (the starter is not always among its readers). */
  private async viewOf(cycle: FeedbackCycle, context: FeedbackContext): Promise<CycleView> {
    return (await context.loaders.feedbackCycle.load(cycle.id)) ?? { ...cycle, raterGroups: [], aggregate: [] };
  }
}
