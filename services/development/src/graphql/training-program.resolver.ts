import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { AddTrainingSession } from '../application/add-training-session.command';
import { CreateTrainingProgram } from '../application/create-training-program.command';
import { DevelopmentReader } from '../application/development.reader';
import type { Competency } from '../domain/catalogue';
import type { TrainingProgram, TrainingSession } from '../domain/training-program';
import { actorOf, type DevelopmentContext } from './context';
import { AddTrainingSessionInput, CreateTrainingProgramInput } from './inputs';
import { CompetencyType, TrainingProgramType, TrainingSessionType } from './types';

@Resolver(() => TrainingProgramType)
export class TrainingProgramResolver {
  constructor(
    private readonly reader: DevelopmentReader,
    private readonly createTrainingProgramCommand: CreateTrainingProgram,
    private readonly addTrainingSessionCommand: AddTrainingSession,
  ) {}

  @Query(() => [TrainingProgramType], { description: "The province-wide catalogue plus the agency's own (or every agency the viewer reads)" })
  trainingPrograms(@Ctx() context: DevelopmentContext, @Arg('agencyId', () => ID, { nullable: true }) agencyId?: string | null): Promise<TrainingProgram[]> {
    return this.reader.programmes(context.viewer, agencyId ?? null);
  }

  @Query(() => TrainingProgramType)
  trainingProgram(@Arg('id', () => ID) id: string, @Ctx() context: DevelopmentContext): Promise<TrainingProgram> {
    return this.reader.programme(context.viewer, id);
  }

  @Mutation(() => TrainingProgramType, { description: "Adds a programme to the province-wide catalogue or to an agency's own" })
  createTrainingProgram(@Arg('input') input: CreateTrainingProgramInput, @Ctx() context: DevelopmentContext): Promise<TrainingProgram> {
    return this.createTrainingProgramCommand.execute(actorOf(context), { ...input, agencyId: input.agencyId ?? null });
  }

  @Mutation(() => TrainingSessionType, { description: 'Schedules a session of a programme with its dates and seats' })
  addTrainingSession(@Arg('input') input: AddTrainingSessionInput, @Ctx() context: DevelopmentContext): Promise<TrainingSession> {
    return this.addTrainingSessionCommand.execute(actorOf(context), input);
  }

  @FieldResolver(() => Boolean, { description: 'True for the province-wide catalogue' })
  provinceWide(@Root() programme: TrainingProgram): boolean {
    return programme.agencyId === null;
  }

  @FieldResolver(() => [CompetencyType], { description: 'The competencies the programme builds' })
  async competencies(@Root() programme: TrainingProgram, @Ctx() context: DevelopmentContext): Promise<Competency[]> {
    const found = await context.loaders.competency.loadMany(programme.competencyCodes);
    return found.filter((item): item is Competency => item !== null && !(item instanceof Error));
  }

  @FieldResolver(() => [TrainingSessionType])
  sessions(@Root() programme: TrainingProgram, @Ctx() context: DevelopmentContext): Promise<TrainingSession[]> {
    return context.loaders.programmeSessions.load(programme.id);
  }
}
