import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { ClosePerformancePeriod } from '../application/close-performance-period.command';
import type { CreatePerformancePeriod } from '../application/create-performance-period.command';
import type { PerformanceReader } from '../application/performance.reader';
import type { SetPerformanceSettings } from '../application/set-performance-settings.command';
import type { PerformancePeriod } from '../domain/period';
import type { PerformanceSettings } from '../domain/settings';
import { actorOf, type PerformanceContext } from './context';
import { CreatePerformancePeriodInput, SetPerformanceSettingsInput } from './inputs';
import { PerformanceSettingsType } from './report.types';
import { AgencyType, PerformancePeriodType } from './types';

@Resolver(() => PerformancePeriodType)
export class PerformancePeriodResolver {
  constructor(
    private readonly reader: PerformanceReader,
    private readonly createPeriodCommand: CreatePerformancePeriod,
    private readonly closePeriodCommand: ClosePerformancePeriod,
    private readonly setSettingsCommand: SetPerformanceSettings,
  ) {}

  @Query(() => [PerformancePeriodType], { description: 'The annual periods of an agency, newest first' })
  performancePeriods(@Arg('agencyId', () => ID) agencyId: string, @Ctx() context: PerformanceContext): Promise<PerformancePeriod[]> {
    return this.reader.performancePeriods(context.viewer, agencyId);
  }

  @Query(() => PerformanceSettingsType, { description: 'The agency’s performance settings (defaults until HR changes them)' })
  performanceSettings(@Arg('agencyId', () => ID) agencyId: string, @Ctx() context: PerformanceContext): Promise<PerformanceSettings> {
    return this.reader.settings(context.viewer, agencyId);
  }

  @Mutation(() => PerformancePeriodType, { description: 'HR admin: open a year with its monthly or quarterly sub-periods' })
  createPerformancePeriod(@Arg('input') input: CreatePerformancePeriodInput, @Ctx() context: PerformanceContext): Promise<PerformancePeriod> {
    return this.createPeriodCommand.execute(actorOf(context), { ...input, cadence: input.cadence ?? null, fillInDays: input.fillInDays ?? null });
  }

  @Mutation(() => PerformancePeriodType, { description: 'HR admin: close a year (and its sub-periods) or one sub-period; nothing in it changes afterwards' })
  closePerformancePeriod(@Arg('id', () => ID) id: string, @Ctx() context: PerformanceContext): Promise<PerformancePeriod> {
    return this.closePeriodCommand.execute(actorOf(context), id);
  }

  @Mutation(() => PerformanceSettingsType, { description: 'HR admin: change the agency’s settings; what is not given stays' })
  setPerformanceSettings(@Arg('input') input: SetPerformanceSettingsInput, @Ctx() context: PerformanceContext): Promise<PerformanceSettings> {
    const { agencyId, aboveFromPercent, meetsFromPercent, achievementCapPercent, mainBelowMaxPercentForMeets, ...rest } = input;
    return this.setSettingsCommand.execute(actorOf(context), {
      agencyId,
      cadence: rest.cadence ?? undefined,
      fillInDays: rest.fillInDays ?? undefined,
      utcOffsetHours: rest.utcOffsetHours ?? undefined,
      distributionEnforcement: rest.distributionEnforcement ?? undefined,
      minJustificationLength: rest.minJustificationLength ?? undefined,
      reminderDaysBefore: rest.reminderDaysBefore ?? undefined,
      workResultPolicy: {
        aboveFromPercent: aboveFromPercent ?? undefined,
        meetsFromPercent: meetsFromPercent ?? undefined,
        achievementCapPercent: achievementCapPercent ?? undefined,
        mainBelowMaxPercentForMeets: mainBelowMaxPercentForMeets ?? undefined,
      },
    });
  }

  @FieldResolver(() => [PerformancePeriodType], { description: 'The months or quarters of a year; empty for a sub-period' })
  subPeriods(@Root() period: PerformancePeriod, @Ctx() context: PerformanceContext): Promise<PerformancePeriod[]> {
    return context.loaders.subPeriods.load(period.id);
  }

  @FieldResolver(() => PerformancePeriodType, { nullable: true, description: 'The year a sub-period belongs to' })
  parent(@Root() period: PerformancePeriod, @Ctx() context: PerformanceContext): Promise<PerformancePeriod | null> | null {
    return period.parentId ? context.loaders.period.load(period.parentId) : null;
  }

  @FieldResolver(() => AgencyType)
  agency(@Root() period: PerformancePeriod): AgencyType {
    return { id: period.agencyId };
  }
}
