import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { FinalizeAssessment } from '../application/finalize-assessment.command';
import type { Assessment, BehaviourValueRating } from '../domain/assessment';
import type { PerformancePeriod } from '../domain/period';
import { actorOf, type PerformanceContext } from './context';
import { FinalizeAssessmentInput } from './inputs';
import { AssessmentType, BehaviourValueRatingType, EmployeeType, PerformancePeriodType } from './types';

@Resolver(() => AssessmentType)
export class AssessmentResolver {
  constructor(private readonly finalizeCommand: FinalizeAssessment) {}

  @Mutation(() => AssessmentType, {
    description:
      'The direct supervisor finalizes a periodic or annual assessment: predikat from the matrix, curve checked, event published; read-only afterwards',
  })
  finalizeAssessment(@Arg('input') input: FinalizeAssessmentInput, @Ctx() context: PerformanceContext): Promise<Assessment> {
    return this.finalizeCommand.execute(actorOf(context), {
      ...input,
      behaviourRatings: input.behaviourRatings.map((entry) => ({ value: entry.value, rating: entry.rating, note: entry.note ?? null })),
      justification: input.justification ?? null,
      overrideReason: input.overrideReason ?? null,
    });
  }

  @FieldResolver(() => [BehaviourValueRatingType], { description: 'The rating of each BerAKHLAK value, with notes' })
  behaviourRatings(@Root() assessment: Assessment, @Ctx() context: PerformanceContext): Promise<BehaviourValueRating[]> {
    return context.loaders.behaviourRatings.load(assessment.id);
  }

  @FieldResolver(() => PerformancePeriodType, { nullable: true })
  period(@Root() assessment: Assessment, @Ctx() context: PerformanceContext): Promise<PerformancePeriod | null> {
    return context.loaders.period.load(assessment.periodId);
  }

  @FieldResolver(() => EmployeeType)
  employee(@Root() assessment: Assessment): EmployeeType {
    return { id: assessment.employeeId };
  }

  @FieldResolver(() => EmployeeType, { description: 'The supervisor who finalized it' })
  assessor(@Root() assessment: Assessment): EmployeeType {
    return { id: assessment.assessorEmployeeId };
  }
}
