import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { ChangePlanStatus } from '../application/change-plan-status.command';
import type { CreatePerformancePlan } from '../application/create-performance-plan.command';
import type { PerformanceReader } from '../application/performance.reader';
import type { RevisePerformancePlan } from '../application/revise-performance-plan.command';
import type { SubmitSelfAssessment } from '../application/submit-self-assessment.command';
import type { Assessment } from '../domain/assessment';
import type { FeedbackAggregate } from '../domain/feedback-aggregate';
import type { PerformancePeriod } from '../domain/period';
import type { PerformancePlan, WorkResult } from '../domain/plan';
import type { PlanRevision } from '../domain/plan-revision';
import type { PlanAction } from '../domain/plan-workflow.rule';
import { actorOf, type PerformanceContext } from './context';
import { PlanActionEnum } from './enums';
import { CreatePerformancePlanInput, RevisePerformancePlanInput, SubmitSelfAssessmentInput } from './inputs';
import { PlanRevisionType } from './plan-revision.types';
import { AssessmentType, EmployeeType, PerformancePeriodType, PerformancePlanType, PlanFeedbackAggregateType, WorkResultType } from './types';

@Resolver(() => PerformancePlanType)
export class PerformancePlanResolver {
  constructor(
    private readonly reader: PerformanceReader,
    private readonly createPlanCommand: CreatePerformancePlan,
    private readonly changeStatusCommand: ChangePlanStatus,
    private readonly selfAssessmentCommand: SubmitSelfAssessment,
    private readonly reviseCommand: RevisePerformancePlan,
  ) {}

  @Query(() => PerformancePlanType, { description: 'An SKP, for the employee, their direct supervisor and the agency’s HR, head and auditors' })
  performancePlan(@Arg('id', () => ID) id: string, @Ctx() context: PerformanceContext): Promise<PerformancePlan> {
    return this.reader.plan(context.viewer, id);
  }

  @Mutation(() => PerformancePlanType, { description: 'The signed-in employee starts their SKP for a year' })
  createPerformancePlan(@Arg('input') input: CreatePerformancePlanInput, @Ctx() context: PerformanceContext): Promise<PerformancePlan> {
    return this.createPlanCommand.execute(actorOf(context), input);
  }

  @Mutation(() => PerformancePlanType, { description: 'The employee sends the SKP to the direct supervisor' })
  submitPerformancePlan(@Arg('planId', () => ID) planId: string, @Ctx() context: PerformanceContext): Promise<PerformancePlan> {
    return this.changeStatusCommand.execute(actorOf(context), planId, 'SUBMIT');
  }

  @Mutation(() => PerformancePlanType, { description: 'The direct supervisor agrees to the SKP' })
  approvePerformancePlan(@Arg('planId', () => ID) planId: string, @Ctx() context: PerformanceContext): Promise<PerformancePlan> {
    return this.changeStatusCommand.execute(actorOf(context), planId, 'APPROVE');
  }

  @Mutation(() => PerformancePlanType, { description: 'The direct supervisor returns the SKP with what to change' })
  returnPerformancePlan(@Arg('planId', () => ID) planId: string, @Arg('note') note: string, @Ctx() context: PerformanceContext): Promise<PerformancePlan> {
    return this.changeStatusCommand.execute(actorOf(context), planId, 'RETURN', note);
  }

  @Mutation(() => PerformancePlanType, { description: 'The employee reopens a returned SKP as a draft to edit it' })
  reopenPerformancePlan(@Arg('planId', () => ID) planId: string, @Ctx() context: PerformanceContext): Promise<PerformancePlan> {
    return this.changeStatusCommand.execute(actorOf(context), planId, 'EDIT');
  }

  @Mutation(() => PerformancePlanType, {
    description: 'Perubahan SKP: the employee or the direct supervisor reopens an approved SKP as a draft, with a reason; it is submitted and approved again',
  })
  revisePerformancePlan(@Arg('input') input: RevisePerformancePlanInput, @Ctx() context: PerformanceContext): Promise<PerformancePlan> {
    return this.reviseCommand.execute(actorOf(context), input);
  }

  @Mutation(() => PerformancePlanType, { description: 'Penilaian mandiri on an approved SKP' })
  submitSelfAssessment(@Arg('input') input: SubmitSelfAssessmentInput, @Ctx() context: PerformanceContext): Promise<PerformancePlan> {
    return this.selfAssessmentCommand.execute(actorOf(context), input);
  }

  @FieldResolver(() => EmployeeType)
  employee(@Root() plan: PerformancePlan): EmployeeType {
    return { id: plan.employeeId };
  }

  @FieldResolver(() => PerformancePeriodType, { nullable: true })
  period(@Root() plan: PerformancePlan, @Ctx() context: PerformanceContext): Promise<PerformancePeriod | null> {
    return context.loaders.period.load(plan.periodId);
  }

  @FieldResolver(() => [WorkResultType], { description: 'The RHKs, in order' })
  workResults(@Root() plan: PerformancePlan, @Ctx() context: PerformanceContext): Promise<WorkResult[]> {
    return context.loaders.workResults.load(plan.id);
  }

  @FieldResolver(() => [AssessmentType], { description: 'Finalized periodic and annual assessments of this SKP' })
  assessments(@Root() plan: PerformancePlan, @Ctx() context: PerformanceContext): Promise<Assessment[]> {
    return context.loaders.planAssessments.load(plan.id);
  }

  @FieldResolver(() => [PlanRevisionType], { description: 'Revisions of the SKP after its approval (perubahan SKP), oldest first' })
  revisions(@Root() plan: PerformancePlan, @Ctx() context: PerformanceContext): Promise<PlanRevision[]> {
    return context.loaders.planRevisions.load(plan.id);
  }

  @FieldResolver(() => PlanFeedbackAggregateType, {
    nullable: true,
    description:
      "Umpan balik 360°: the aggregate of the employee's closed cycle for this period, read beside the proposed behaviour rating before finalizing — input, never the decision",
  })
  feedbackAggregate(@Root() plan: PerformancePlan, @Ctx() context: PerformanceContext): Promise<FeedbackAggregate | null> {
    return context.loaders.feedbackAggregate.load(`${plan.employeeId}|${plan.periodId}`);
  }

  @FieldResolver(() => [PlanActionEnum], { description: 'What the viewer may do with the SKP now' })
  allowedActions(@Root() plan: PerformancePlan, @Ctx() context: PerformanceContext): Promise<PlanAction[]> {
    return this.reader.planActions(context.viewer, plan);
  }
}
