import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { AnalyticsReader } from '../application/analytics.reader';
import type { AnswerApplicantSurvey, IssueSurveyToken } from '../application/survey.commands';
import type { SurveySummary, VacancyFunnel } from '../domain/funnel';
import { actorOf, type RecruitmentContext } from './context';
import { AnswerApplicantSurveyInput } from './inputs';
import { RecruitmentFunnelType, SurveyReceiptType, SurveySummaryType, SurveyTokenType } from './types';

@Resolver(() => SurveySummaryType)
export class SurveyResolver {
  constructor(
    private readonly reader: AnalyticsReader,
    private readonly commands: { issueToken: IssueSurveyToken; answer: AnswerApplicantSurvey },
  ) {}

  @Mutation(() => SurveyTokenType, { description: 'The applicant takes the one-time token of the survey, after the final results' })
  issueSurveyToken(
    @Arg('applicationId', () => ID) applicationId: string,
    @Ctx() context: RecruitmentContext,
  ): Promise<{ applicationId: string; token: string }> {
    return this.commands.issueToken.execute(actorOf(context), { applicationId });
  }

  @Mutation(() => SurveyReceiptType, { description: 'Answers the applicant survey anonymously, once per token; no sign-in needed' })
  answerApplicantSurvey(@Arg('input') input: AnswerApplicantSurveyInput): Promise<{ answeredOn: string }> {
    return this.commands.answer.execute({ token: input.token, ratings: input.ratings, comment: input.comment ?? null });
  }

  @Query(() => SurveySummaryType, { description: "The applicant survey of a selection, for the agency's HR and auditors" })
  applicantSurveySummary(@Arg('selectionId', () => ID) selectionId: string, @Ctx() context: RecruitmentContext): Promise<SurveySummary> {
    return this.reader.surveySummary(context.viewer, selectionId);
  }

  @Query(() => [RecruitmentFunnelType], {
    description: "Per vacancy of the agency (or the one asked for), then the agency's total: counts, drop-off, median days per stage, objections",
  })
  recruitmentFunnel(
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('vacancyId', () => ID, { nullable: true }) vacancyId: string | null,
    @Ctx() context: RecruitmentContext,
  ): Promise<VacancyFunnel[]> {
    return this.reader.funnel(context.viewer, agencyId, vacancyId ?? null);
  }
}
