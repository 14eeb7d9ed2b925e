import 'reflect-metadata';

import { buildFederatedSchema } from '@kinerja/subgraph';

import { AgencyResolver } from './graphql/agency.resolver';
import { AuthResolver } from './graphql/auth.resolver';
import { EmployeeResolver } from './graphql/employee.resolver';
import { OrgUnitResolver } from './graphql/org-unit.resolver';
import { PositionResolver } from './graphql/position.resolver';
import { ViewerResolver } from './graphql/viewer.resolver';

export const RESOLVER_CLASSES = [AgencyResolver, OrgUnitResolver, PositionResolver, EmployeeResolver, AuthResolver, ViewerResolver];

/** The subgraph SDL without starting anything: resolvers are never invoked while printing. */
export async function printIdentitySchema(): Promise<string> {
  const placeholders = RESOLVER_CLASSES.map((resolverClass) => Object.create(resolverClass.prototype) as object);
  return (await buildFederatedSchema({ resolvers: placeholders, references: {} })).sdl;
}
