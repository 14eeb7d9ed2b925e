import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';

import type { AddIndicator } from '../application/add-indicator.command';
import type { AddWorkResult } from '../application/add-work-result.command';
import type { RemoveIndicator } from '../application/remove-indicator.command';
import type { RemoveWorkResult } from '../application/remove-work-result.command';
import type { UpdateIndicator } from '../application/update-indicator.command';
import type { UpdateWorkResult } from '../application/update-work-result.command';
import type { CascadedWorkResultView } from '../domain/cascade-view';
import type { Indicator, PerformancePlan, WorkResult } from '../domain/plan';
import { actorOf, type PerformanceContext } from './context';
import { AddIndicatorInput, AddWorkResultInput, UpdateIndicatorInput, UpdateWorkResultInput } from './inputs';
import { CascadedWorkResultType, IndicatorType, PerformancePlanType, WorkResultType } from './types';

@Resolver(() => WorkResultType)
export class WorkResultResolver {
  constructor(
    private readonly addWorkResultCommand: AddWorkResult,
    private readonly addIndicatorCommand: AddIndicator,
    private readonly updateWorkResultCommand: UpdateWorkResult,
    private readonly removeWorkResultCommand: RemoveWorkResult,
    private readonly updateIndicatorCommand: UpdateIndicator,
    private readonly removeIndicatorCommand: RemoveIndicator,
  ) {}

  @Mutation(() => WorkResultType, { description: 'The employee adds an RHK to their draft or returned SKP (a returned one becomes a draft again)' })
  addWorkResult(@Arg('input') input: AddWorkResultInput, @Ctx() context: PerformanceContext): Promise<WorkResult> {
    return this.addWorkResultCommand.execute(actorOf(context), { ...input, cascadedFromWorkResultId: input.cascadedFromWorkResultId ?? null });
  }

  @Mutation(() => IndicatorType, { description: 'The employee adds an indicator with its target to an RHK of their draft or returned SKP' })
  addIndicator(@Arg('input') input: AddIndicatorInput, @Ctx() context: PerformanceContext): Promise<Indicator> {
    return this.addIndicatorCommand.execute(actorOf(context), input);
  }

  @Mutation(() => WorkResultType, {
    description: 'The employee changes the kind and title of an RHK of their draft or returned SKP (a returned one becomes a draft again)',
  })
  updateWorkResult(@Arg('input') input: UpdateWorkResultInput, @Ctx() context: PerformanceContext): Promise<WorkResult> {
    return this.updateWorkResultCommand.execute(actorOf(context), input);
  }

  @Mutation(() => PerformancePlanType, {
    description:
      'The employee removes an RHK of their draft or returned SKP with its indicators; CONFLICT (reason CASCADED_TO) while a subordinate’s RHK cascades from it, (HAS_REALIZATIONS) once realizations were reported',
  })
  removeWorkResult(@Arg('workResultId', () => ID) workResultId: string, @Ctx() context: PerformanceContext): Promise<PerformancePlan> {
    return this.removeWorkResultCommand.execute(actorOf(context), workResultId);
  }

  @Mutation(() => IndicatorType, { description: 'The employee changes an indicator of an RHK of their draft or returned SKP, validated as when added' })
  updateIndicator(@Arg('input') input: UpdateIndicatorInput, @Ctx() context: PerformanceContext): Promise<Indicator> {
    return this.updateIndicatorCommand.execute(actorOf(context), input);
  }

  @Mutation(() => WorkResultType, {
    description: 'The employee removes an indicator of their draft or returned SKP; CONFLICT (reason HAS_REALIZATIONS) once realizations were reported on it',
  })
  removeIndicator(@Arg('indicatorId', () => ID) indicatorId: string, @Ctx() context: PerformanceContext): Promise<WorkResult> {
    return this.removeIndicatorCommand.execute(actorOf(context), indicatorId);
  }

  @FieldResolver(() => [IndicatorType])
  indicators(@Root() workResult: WorkResult, @Ctx() context: PerformanceContext): Promise<Indicator[]> {
    return context.loaders.indicators.load(workResult.id);
  }

  @FieldResolver(() => CascadedWorkResultType, {
    nullable: true,
    description: 'The direct supervisor’s RHK this one cascades from: its title and its indicators’ targets, never its realizations or evidence',
  })
  cascadedFrom(@Root() workResult: WorkResult, @Ctx() context: PerformanceContext): Promise<CascadedWorkResultView | null> | null {
    return workResult.cascadedFromWorkResultId ? context.loaders.cascadeSource.load(workResult.cascadedFromWorkResultId) : null;
  }

  @FieldResolver(() => [WorkResultType], { description: 'The subordinates’ RHKs cascaded from this one (those the viewer may see)' })
  cascadedTo(@Root() workResult: WorkResult, @Ctx() context: PerformanceContext): Promise<WorkResult[]> {
    return context.loaders.cascadedTo.load(workResult.id);
  }
}
