import type { Clock } from '@kinerja/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { IssueSurveyToken, SetServiceUnit, SubmitPublicFeedback } from '../application/citizen-survey';
import { periodOrYear, type SatisfactionReader, type SatisfactionView } from '../application/satisfaction.reader';
import { IKM_ELEMENTS } from '../domain/ikm.rule';
import { actorOf, type FeedbackContext } from './context';
import { SetServiceUnitInput, SubmitPublicFeedbackInput } from './inputs';
import { CitizenCommentType, OrgUnitType, PublicFeedbackReceiptType, ServiceUnitType, SurveyTokenType, UnitSatisfactionType } from './types';

/** Citizen satisfaction (rule 7): HR marks service units, citizens answer anonymously, the unit's index reads from aggregates. */
@Resolver(() => OrgUnitType)
export class CitizenSurveyResolver {
  constructor(
    private readonly setUnit: SetServiceUnit,
    private readonly issue: IssueSurveyToken,
    private readonly submit: SubmitPublicFeedback,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => ServiceUnitType, { description: 'HR marks a unit of their agency as serving the public, or unmarks it' })
  setServiceUnit(@Arg('input') input: SetServiceUnitInput, @Ctx() context: FeedbackContext): Promise<ServiceUnitType> {
    return this.setUnit.execute(actorOf(context), input);
  }

  @Query(() => SurveyTokenType, { description: "Anyone (no login): a one-time token to answer a service unit's survey; limited per client address" })
  async citizenSurveyToken(@Arg('orgUnitId', () => ID) orgUnitId: string, @Ctx() context: FeedbackContext): Promise<SurveyTokenType> {
    return { ...(await this.issue.execute(context.clientAddress, orgUnitId)), elements: [...IKM_ELEMENTS] };
  }

  @Mutation(() => PublicFeedbackReceiptType, {
    description:
      'Anyone (no login) answers the nine-element survey once per token; limited per client address and per unit; a refusal stores nothing. Safe to retry: the same token with the same answers gets the same receipt and counts once; other answers on a spent token are refused (CONFLICT, TOKEN_SPENT)',
  })
  submitPublicFeedback(@Arg('input') input: SubmitPublicFeedbackInput, @Ctx() context: FeedbackContext): Promise<PublicFeedbackReceiptType> {
    return this.submit.execute(context.clientAddress, input);
  }

  @FieldResolver(() => UnitSatisfactionType, {
    nullable: true,
    description:
      "Indeks Kepuasan Masyarakat of a unit that serves the public (null for any other unit). `period` is a calendar key — YYYY, YYYY-Qn or YYYY-MM, default the current year — not performance's PerformancePeriod: feedback does not know performance's periods.",
  })
  satisfaction(
    @Root() unit: OrgUnitType,
    @Arg('period', () => String, { nullable: true }) period: string | null | undefined,
    @Ctx() context: FeedbackContext,
  ): Promise<SatisfactionView | null> {
    return context.loaders.satisfaction.load(`${unit.id}|${periodOrYear(period, this.clock).period}`);
  }
}

@Resolver(() => UnitSatisfactionType)
export class UnitSatisfactionResolver {
  constructor(private readonly reader: SatisfactionReader) {}

  @FieldResolver(() => [CitizenCommentType], { nullable: true, description: "Citizens' comments in the period, newest first: the unit's head and HR only" })
  comments(
    @Root() view: SatisfactionView,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() context: FeedbackContext,
  ): Promise<CitizenCommentType[] | null> {
    return this.reader.commentsOf(context.viewer, view, first);
  }
}
