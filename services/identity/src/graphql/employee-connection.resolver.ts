import { FieldResolver, Int, Resolver, Root } from 'type-graphql';

import { EmployeeConnectionType } from './types';

@Resolver(() => EmployeeConnectionType)
export class EmployeeConnectionResolver {
  /** Counting scans every matching employee, so a page that does not ask for the total does not pay for it. */
  @FieldResolver(() => Int)
  totalCount(@Root() connection: EmployeeConnectionType): Promise<number> {
    return connection.countTotal();
  }
}
