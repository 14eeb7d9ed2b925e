import 'reflect-metadata';

import { buildFederatedSchema } from '@kinerja/subgraph';

import { CertificateResolver } from './graphql/certificate.resolver';
import { CompetencyResolver } from './graphql/competency.resolver';
import { DevelopmentPlanResolver, PlannedProgramResolver } from './graphql/development-plan.resolver';
import { EmployeeDevelopmentResolver } from './graphql/employee.resolver';
import { GapMappingResolver } from './graphql/gap-mapping.resolver';
import { LearningHoursResolver } from './graphql/learning-hours.resolver';
import { TrainingAssignmentResolver } from './graphql/training-assignment.resolver';
import { TrainingProgramResolver } from './graphql/training-program.resolver';
import { TrainingSessionResolver } from './graphql/training-session.resolver';
import { EmployeeType } from './graphql/types';

export const RESOLVER_CLASSES = [
  CompetencyResolver,
  TrainingProgramResolver,
  TrainingSessionResolver,
  TrainingAssignmentResolver,
  EmployeeDevelopmentResolver,
  LearningHoursResolver,
  CertificateResolver,
  DevelopmentPlanResolver,
  PlannedProgramResolver,
  GapMappingResolver,
];

/** Development only adds fields to identity's Employee: without orphanedTypes they would silently vanish. */
export const ORPHANED_TYPES: Function[] = [EmployeeType];

/** The subgraph SDL without starting anything: resolvers are never invoked while printing. */
export async function printDevelopmentSchema(): Promise<string> {
  const placeholders = RESOLVER_CLASSES.map((resolverClass) => Object.create(resolverClass.prototype) as object);
  return (await buildFederatedSchema({ resolvers: placeholders, orphanedTypes: ORPHANED_TYPES, references: {} })).sdl;
}
