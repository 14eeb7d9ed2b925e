import { FieldResolver, Resolver, Root } from 'type-graphql';

import type { PlanRevision, PlanSnapshot } from '../domain/plan-revision';
import { PlanRevisionType, PlanSnapshotType } from './plan-revision.types';
import { EmployeeType } from './types';

@Resolver(() => PlanRevisionType)
export class PlanRevisionResolver {
  @FieldResolver(() => EmployeeType, { description: 'Who revised the plan' })
  revisedBy(@Root() revision: PlanRevision): EmployeeType {
    return { id: revision.revisedByEmployeeId };
  }
}

@Resolver(() => PlanSnapshotType)
export class PlanSnapshotResolver {
  @FieldResolver(() => EmployeeType, { nullable: true, description: 'The supervisor who had approved it' })
  approvedBy(@Root() snapshot: PlanSnapshot): EmployeeType | null {
    return snapshot.approvedByEmployeeId ? { id: snapshot.approvedByEmployeeId } : null;
  }
}
