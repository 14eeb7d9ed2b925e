import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { Assessment } from '../domain/assessment';
import type { DevelopmentEvidence } from '../domain/development-evidence';
import type { Reward, Sanction } from '../domain/follow-up.rule';
import type { PerformancePlan } from '../domain/plan';
import type { PerformanceContext } from './context';
import { DevelopmentEvidenceType, RewardType, SanctionType } from './report.types';
import { AssessmentType, EmployeeType, PerformancePlanType } from './types';

// The fields performance adds to identity's Employee. Each loader decides access per employee from
// the local copy: another agency's employee (or a colleague who is not one's subordinate) gets
// empty lists and nulls.
@Resolver(() => EmployeeType)
export class EmployeePerformanceResolver {
  @FieldResolver(() => [PerformancePlanType], { description: 'SKP plans, newest year first' })
  performancePlans(@Root() employee: EmployeeType, @Ctx() context: PerformanceContext): Promise<PerformancePlan[]> {
    return context.loaders.employeePlans.load(employee.id);
  }

  @FieldResolver(() => AssessmentType, { nullable: true, description: 'The most recent finalized assessment, periodic or annual' })
  latestAssessment(@Root() employee: EmployeeType, @Ctx() context: PerformanceContext): Promise<Assessment | null> {
    return context.loaders.latestAssessment.load(employee.id);
  }

  @FieldResolver(() => [AssessmentType], { description: 'Annual assessments with their predikat, newest first' })
  predikatHistory(@Root() employee: EmployeeType, @Ctx() context: PerformanceContext): Promise<Assessment[]> {
    return context.loaders.predikatHistory.load(employee.id);
  }

  @FieldResolver(() => [DevelopmentEvidenceType], { description: 'Completed trainings (JP) reported by the development service' })
  developmentEvidence(@Root() employee: EmployeeType, @Ctx() context: PerformanceContext): Promise<DevelopmentEvidence[]> {
    return context.loaders.developmentEvidence.load(employee.id);
  }

  @FieldResolver(() => [RewardType])
  rewards(@Root() employee: EmployeeType, @Ctx() context: PerformanceContext): Promise<Reward[]> {
    return context.loaders.rewards.load(employee.id);
  }

  @FieldResolver(() => [SanctionType])
  sanctions(@Root() employee: EmployeeType, @Ctx() context: PerformanceContext): Promise<Sanction[]> {
    return context.loaders.sanctions.load(employee.id);
  }
}
