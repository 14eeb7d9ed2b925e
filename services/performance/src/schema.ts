import 'reflect-metadata';

import { buildFederatedSchema } from '@kinerja/subgraph';

import { AssessmentResolver } from './graphql/assessment.resolver';
import { EmployeePerformanceResolver } from './graphql/employee.resolver';
import { EvidenceDocumentResolver } from './graphql/evidence-document.resolver';
import { FollowUpResolver } from './graphql/follow-up.resolver';
import { IndicatorResolver } from './graphql/indicator.resolver';
import { OrgUnitPerformanceResolver } from './graphql/org-unit.resolver';
import { PerformancePeriodResolver } from './graphql/performance-period.resolver';
import { PerformancePlanResolver } from './graphql/performance-plan.resolver';
import { PlanRevisionResolver, PlanSnapshotResolver } from './graphql/plan-revision.resolver';
import { RealizationResolver } from './graphql/realization.resolver';
import { AgencyType, EmployeeType, OrgUnitType } from './graphql/types';
import { WorkResultResolver } from './graphql/work-result.resolver';

export const RESOLVER_CLASSES = [
  PerformancePeriodResolver,
  PerformancePlanResolver,
  PlanRevisionResolver,
  PlanSnapshotResolver,
  WorkResultResolver,
  IndicatorResolver,
  RealizationResolver,
  EvidenceDocumentResolver,
  AssessmentResolver,
  EmployeePerformanceResolver,
  OrgUnitPerformanceResolver,
  FollowUpResolver,
];

/** identity's entities that performance only extends: without them in the schema their added fields vanish. */
export const ORPHANED_TYPES: Function[] = [EmployeeType, OrgUnitType, AgencyType];

/** The subgraph SDL without starting anything: resolvers are never invoked while printing. */
export async function printPerformanceSchema(): Promise<string> {
  const placeholders = RESOLVER_CLASSES.map((resolverClass) => Object.create(resolverClass.prototype) as object);
  return (await buildFederatedSchema({ resolvers: placeholders, orphanedTypes: ORPHANED_TYPES, references: {} })).sdl;
}
