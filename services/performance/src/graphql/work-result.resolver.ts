import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';

import type { AddIndicator } from '../application/add-indicator.command';
import type { AddWorkResult } from '../application/add-work-result.command';
import type { CascadedWorkResultView } from '../domain/cascade-view';
import type { Indicator, WorkResult } from '../domain/plan';
import { actorOf, type PerformanceContext } from './context';
import { AddIndicatorInput, AddWorkResultInput } from './inputs';
import { CascadedWorkResultType, IndicatorType, WorkResultType } from './types';

@Resolver(() => WorkResultType)
export class WorkResultResolver {
  constructor(
    private readonly addWorkResultCommand: AddWorkResult,
    private readonly addIndicatorCommand: AddIndicator,
  ) {}

  @Mutation(() => WorkResultType, { description: 'The employee adds an RHK to their draft SKP' })
  addWorkResult(@Arg('input') input: AddWorkResultInput, @Ctx() context: PerformanceContext): Promise<WorkResult> {
    return this.addWorkResultCommand.execute(actorOf(context), { ...input, cascadedFromWorkResultId: input.cascadedFromWorkResultId ?? null });
  }

  @Mutation(() => IndicatorType, { description: 'The employee adds an indicator with its target to an RHK of their draft SKP' })
  addIndicator(@Arg('input') input: AddIndicatorInput, @Ctx() context: PerformanceContext): Promise<Indicator> {
    return this.addIndicatorCommand.execute(actorOf(context), input);
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
