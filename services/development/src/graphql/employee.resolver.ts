import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { AssignmentRecord } from '../domain/assignment-record';
import type { DevelopmentPlan } from '../domain/development-plan';
import type { LearningHoursSummary } from '../domain/learning-hours.rule';
import type { AssignmentStatus } from '../domain/vocabulary';
import type { DevelopmentContext } from './context';
import { AssignmentStatusEnum } from './enums';
import { DevelopmentPlanType, EmployeeType, LearningHoursType, TrainingAssignmentType } from './types';

/** Development's fields on identity's Employee; null where the viewer may not see the employee's development. */
@Resolver(() => EmployeeType)
export class EmployeeDevelopmentResolver {
  @FieldResolver(() => [TrainingAssignmentType], { nullable: true, description: "The employee's training assignments, oldest first" })
  trainingAssignments(
    @Root() employee: EmployeeType,
    @Ctx() context: DevelopmentContext,
    @Arg('status', () => AssignmentStatusEnum, { nullable: true }) status?: AssignmentStatus | null,
  ): Promise<AssignmentRecord[] | null> {
    return context.loaders.trainingAssignments(status ?? null).load(employee.id);
  }

  @FieldResolver(() => LearningHoursType, { nullable: true, description: 'JP (jam pelajaran) of the year against the entitlement' })
  learningHours(
    @Root() employee: EmployeeType,
    @Arg('year', () => Int) year: number,
    @Ctx() context: DevelopmentContext,
  ): Promise<LearningHoursSummary | null> {
    return context.loaders.learningHours(year).load(employee.id);
  }

  @FieldResolver(() => DevelopmentPlanType, { nullable: true, description: 'Rencana pengembangan individu of the year, once prepared' })
  developmentPlan(@Root() employee: EmployeeType, @Arg('year', () => Int) year: number, @Ctx() context: DevelopmentContext): Promise<DevelopmentPlan | null> {
    return context.loaders.developmentPlan(year).load(employee.id);
  }
}
