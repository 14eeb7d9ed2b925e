import { canManageAgency } from '@kinerja/auth';
import { NotFoundError } from '@kinerja/errors';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { CloseFeedbackCycle } from '../application/close-feedback-cycle.command';
import type { AddFeedbackRater, OpenFeedbackCycle, RemoveFeedbackRater } from '../application/draft-feedback-cycle.commands';
import type { CycleView } from '../application/feedback-cycle.reader';
import type { StartFeedbackCycle } from '../application/start-feedback-cycle.command';
import type { SubmitFeedback } from '../application/submit-feedback.command';
import type { FeedbackCycle } from '../domain/feedback-cycle';
import type { FeedbackCycleRepository, OpenRequest } from '../domain/repositories';
import { actorOf, type FeedbackContext } from './context';
import { AddFeedbackRaterInput, OpenFeedbackCycleInput, RemoveFeedbackRaterInput, StartFeedbackCycleInput, SubmitFeedbackInput } from './inputs';
import { EmployeeType, FeedbackCycleType, FeedbackRaterType, FeedbackRequestType, FeedbackSubmissionType, QuestionnaireItemType } from './types';

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
    private readonly draft: { add: AddFeedbackRater; remove: RemoveFeedbackRater; open: OpenFeedbackCycle },
    private readonly cycles: FeedbackCycleRepository,
  ) {}

  @Query(() => FeedbackCycleType, { description: 'A 360° cycle with its aggregate, for the subject, the supervisor chain and HR' })
  async feedbackCycle(@Arg('id', () => ID) id: string, @Ctx() context: FeedbackContext): Promise<CycleView> {
    const cycle = await context.loaders.feedbackCycle.load(id);
    if (!cycle) throw new NotFoundError('FeedbackCycle', id, 'id');
    return cycle;
  }

  @Mutation(() => FeedbackCycleType, {
    description:
      'The supervisor or HR starts a 360° cycle as a DRAFT; raters come from the reporting line, HR may change them, openFeedbackCycle sends the requests',
  })
  async startFeedbackCycle(@Arg('input') input: StartFeedbackCycleInput, @Ctx() context: FeedbackContext): Promise<CycleView> {
    return this.viewOf(await this.start.execute(actorOf(context), input), context);
  }

  @Mutation(() => FeedbackCycleType, { description: "The agency's HR asks one more employee to answer a DRAFT cycle" })
  async addFeedbackRater(@Arg('input') input: AddFeedbackRaterInput, @Ctx() context: FeedbackContext): Promise<CycleView> {
    return this.viewOf(await this.draft.add.execute(actorOf(context), input), context);
  }

  @Mutation(() => FeedbackCycleType, { description: "The agency's HR takes an employee off a DRAFT cycle" })
  async removeFeedbackRater(@Arg('input') input: RemoveFeedbackRaterInput, @Ctx() context: FeedbackContext): Promise<CycleView> {
    return this.viewOf(await this.draft.remove.execute(actorOf(context), input), context);
  }

  @Mutation(() => FeedbackCycleType, { description: 'Whoever started the DRAFT, the supervisor or HR opens it: the raters see their requests' })
  async openFeedbackCycle(@Arg('input') input: OpenFeedbackCycleInput, @Ctx() context: FeedbackContext): Promise<CycleView> {
    return this.viewOf(await this.draft.open.execute(actorOf(context), input), context);
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

  @FieldResolver(() => [FeedbackRaterType], {
    nullable: true,
    description: "While DRAFT, who will be asked and in which group: for the agency's HR; null once open (and for anyone else)",
  })
  async draftRaters(@Root() cycle: FeedbackCycle, @Ctx() context: FeedbackContext): Promise<FeedbackRaterType[] | null> {
    if (cycle.status !== 'DRAFT' || context.viewer.userId === null || !canManageAgency(context.viewer, cycle.agencyId)) return null;
    return (await this.cycles.requestsOf(cycle.id)).map((request) => ({ employee: { id: request.raterEmployeeId }, group: request.group }));
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
