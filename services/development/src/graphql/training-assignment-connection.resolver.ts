import { FieldResolver, Int, Resolver, Root } from 'type-graphql';

import { TrainingAssignmentConnectionType } from './types';

@Resolver(() => TrainingAssignmentConnectionType)
export class TrainingAssignmentConnectionResolver {
  /** Counting scans every matching assignment, so a page that does not ask for the total does not pay for it. */
  @FieldResolver(() => Int, { description: 'All the assignments that match, not only this page' })
  totalCount(@Root() connection: TrainingAssignmentConnectionType): Promise<number> {
    return connection.countTotal();
  }
}
