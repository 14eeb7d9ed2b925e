import { loadServiceModule, readRegistry, type RegistryEntry, type ServiceModule } from '@kinerja/service-kit';

import { REPO_ROOT } from './processes';

/** `gateway/subgraphs.json`: the one list of the graph's services. */
export const registry = (): RegistryEntry[] => readRegistry(REPO_ROOT);

/** Each registered service's module descriptor, from its source (as Jest runs it). */
export const serviceModules = (): ServiceModule[] => registry().map((entry) => loadServiceModule(REPO_ROOT, entry, 'src'));
