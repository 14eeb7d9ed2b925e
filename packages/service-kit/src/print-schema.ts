import 'reflect-metadata';

import { buildFederatedSchema } from '@kinerja/subgraph';

import type { ServiceModule } from './service-module';

/**
 * The subgraph SDL of a module without starting anything, from the same resolver list the
 * service serves: resolvers are never invoked while printing, so uninitialised instances do.
 */
export async function printServiceSchema(module: ServiceModule): Promise<string> {
  const placeholders = module.resolvers.map((resolverClass) => Object.create(resolverClass.prototype as object) as object);
  return (await buildFederatedSchema({ resolvers: placeholders, orphanedTypes: [...(module.orphanedTypes ?? [])], references: {} })).sdl;
}
