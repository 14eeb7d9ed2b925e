import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { AgencyQuestionnaire, ReadFeedbackQuestionnaire, SetFeedbackQuestionnaire } from '../application/feedback-questionnaire';
import { actorOf, type FeedbackContext } from './context';
import { SetFeedbackQuestionnaireInput } from './inputs';
import { FeedbackQuestionnaireType } from './types';

@Resolver(() => FeedbackQuestionnaireType)
export class FeedbackQuestionnaireResolver {
  constructor(
    private readonly read: ReadFeedbackQuestionnaire,
    private readonly set: SetFeedbackQuestionnaire,
  ) {}

  @Query(() => FeedbackQuestionnaireType, { description: "The agency's 360° questionnaire (the seeded default until HR sets one)" })
  feedbackQuestionnaire(@Arg('agencyId', () => ID) agencyId: string, @Ctx() context: FeedbackContext): Promise<AgencyQuestionnaire> {
    return this.read.execute(actorOf(context), agencyId);
  }

  @Mutation(() => FeedbackQuestionnaireType, {
    description:
      "HR sets the agency's 360° questionnaire (statements in Indonesian, each mapped to a BerAKHLAK value, every value covered); open cycles keep theirs",
  })
  setFeedbackQuestionnaire(@Arg('input') input: SetFeedbackQuestionnaireInput, @Ctx() context: FeedbackContext): Promise<AgencyQuestionnaire> {
    return this.set.execute(actorOf(context), input);
  }
}
