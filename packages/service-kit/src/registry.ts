import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ServiceModule } from './service-module';

/** One line of `gateway/subgraphs.json`: the one list of the graph's services. */
export interface RegistryEntry {
  name: string;
  port: number;
  workspace: string;
}

export const REGISTRY_PATH = join('gateway', 'subgraphs.json');

/** The services of the graph, in start order (identity first: it issues the tokens). */
export function readRegistry(repoRoot: string): RegistryEntry[] {
  return (JSON.parse(readFileSync(join(repoRoot, REGISTRY_PATH), 'utf8')) as { subgraphs: RegistryEntry[] }).subgraphs;
}

/** Where a service's module descriptor lives: compiled (`npm start`, scripts) or as source (Jest). */
export function moduleFileOf(repoRoot: string, entry: RegistryEntry, layout: 'dist' | 'src'): string {
  return join(repoRoot, entry.workspace, layout, `${entry.name}.module.${layout === 'dist' ? 'js' : 'ts'}`);
}

function isServiceModule(value: unknown, name: string): value is ServiceModule {
  return typeof value === 'object' && value !== null && (value as ServiceModule).name === name && typeof (value as ServiceModule).wire === 'function';
}

/** The descriptor a service's `<name>.module` file exports; a missing one fails loudly. */
export function loadServiceModule(repoRoot: string, entry: RegistryEntry, layout: 'dist' | 'src' = 'dist'): ServiceModule {
  const file = moduleFileOf(repoRoot, entry, layout);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(file) as Record<string, unknown>;
  const module = Object.values(exports).find((value) => isServiceModule(value, entry.name));
  if (!module) throw new Error(`${file} exports no service module named "${entry.name}" (defineService({ name: '${entry.name}', ... }))`);
  if (module.defaultPort !== entry.port) throw new Error(`${entry.name}: ${REGISTRY_PATH} says port ${entry.port}, the module ${module.defaultPort}`);
  return module;
}
