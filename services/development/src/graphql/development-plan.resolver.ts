import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';

import { AddProgramToDevelopmentPlan } from '../application/add-program-to-development-plan.command';
import { PrepareDevelopmentPlan } from '../application/prepare-development-plan.command';
import type { DevelopmentPlan, PlannedProgramme } from '../domain/development-plan';
import type { TrainingProgram } from '../domain/training-program';
import { actorOf, type DevelopmentContext } from './context';
import { gapViews } from './gap-views';
import { DevelopmentPlanType, EmployeeType, PlannedProgramType, TrainingGapType, TrainingProgramType } from './types';

@Resolver(() => DevelopmentPlanType)
export class DevelopmentPlanResolver {
  constructor(
    private readonly prepareCommand: PrepareDevelopmentPlan,
    private readonly addProgramCommand: AddProgramToDevelopmentPlan,
  ) {}

  @Mutation(() => DevelopmentPlanType, { description: "Opens the employee's plan for the year, prefilled from the gaps of their latest poor assessment" })
  prepareDevelopmentPlan(
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('year', () => Int) year: number,
    @Ctx() context: DevelopmentContext,
  ): Promise<DevelopmentPlan> {
    return this.prepareCommand.execute(actorOf(context), employeeId, year);
  }

  @Mutation(() => DevelopmentPlanType, { description: 'Plans one more programme of the catalogue' })
  addProgramToDevelopmentPlan(
    @Arg('planId', () => ID) planId: string,
    @Arg('programId', () => ID) programId: string,
    @Ctx() context: DevelopmentContext,
  ): Promise<DevelopmentPlan> {
    return this.addProgramCommand.execute(actorOf(context), planId, programId);
  }

  @FieldResolver(() => EmployeeType)
  employee(@Root() plan: DevelopmentPlan): EmployeeType {
    return { id: plan.employeeId };
  }
}

@Resolver(() => PlannedProgramType)
export class PlannedProgramResolver {
  @FieldResolver(() => TrainingProgramType, { nullable: true, description: 'Null for a gap still awaiting HR’s choice' })
  program(@Root() item: PlannedProgramme, @Ctx() context: DevelopmentContext): Promise<TrainingProgram | null> | null {
    return item.programId ? context.loaders.programme.load(item.programId) : null;
  }

  @FieldResolver(() => [TrainingGapType])
  gaps(@Root() item: PlannedProgramme): TrainingGapType[] {
    return gapViews(item.gaps);
  }
}
