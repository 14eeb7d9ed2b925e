import { loadServiceModule, readRegistry, type RegistryEntry, type ServiceModule } from '@kinerja/service-kit';

import { REPO_ROOT } from './processes';

/** `gateway/subgraphs.json`: the one list of the graph's services. */
export const registry = (): RegistryEntry[] => readRegistry(REPO_ROOT);

/** Each registered service's module descriptor, from its source (as Jest runs it). */
export const serviceModules = (): ServiceModule[] => registry().map((entry) => loadServiceModule(REPO_ROOT, entry, 'src'));

/**
 * The services a per-service check covers: every one, or only those of `CHECK_SERVICES` (a
 * comma-separated list of names). The generator's test sets it to the service it just created: the
 * others are the same as in this tree, which the suite checks itself.
 */
export function checkedServices(): (name: string) => boolean {
  const only = process.env['CHECK_SERVICES']?.split(',').filter(Boolean);
  return (name) => !only || only.includes(name);
}
