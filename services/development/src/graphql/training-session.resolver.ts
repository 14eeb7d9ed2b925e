import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import type { TrainingProgram, TrainingSession } from '../domain/training-program';
import type { DevelopmentContext } from './context';
import { TrainingProgramType, TrainingSessionType } from './types';

@Resolver(() => TrainingSessionType)
export class TrainingSessionResolver {
  @FieldResolver(() => Int, { description: 'Seats given to open and completed assignments' })
  seatsTaken(@Root() session: TrainingSession, @Ctx() context: DevelopmentContext): Promise<number> {
    return context.loaders.seatsTaken.load(session.id);
  }

  @FieldResolver(() => Int)
  async seatsLeft(@Root() session: TrainingSession, @Ctx() context: DevelopmentContext): Promise<number> {
    return Math.max(0, session.capacity - (await context.loaders.seatsTaken.load(session.id)));
  }

  @FieldResolver(() => TrainingProgramType, { nullable: true })
  program(@Root() session: TrainingSession, @Ctx() context: DevelopmentContext): Promise<TrainingProgram | null> {
    return context.loaders.programme.load(session.programId);
  }
}
