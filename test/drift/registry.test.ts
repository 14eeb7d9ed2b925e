import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../support/processes';
import { registry, serviceModules } from '../support/services';

// gateway/subgraphs.json drives npm start, the e2e stack, composition, schema printing and the
// deploy checks: a service missing from it would be left out of all of them without a failure.
describe('the registry of services (gateway/subgraphs.json)', () => {
  const folders = readdirSync(join(REPO_ROOT, 'services'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it('names every folder under services/ and nothing else', () => {
    expect(
      registry()
        .map((entry) => entry.name)
        .sort(),
    ).toEqual(folders);
  });

  it('points each service at its own workspace, on a port of its own, identity first', () => {
    const entries = registry();
    for (const entry of entries) expect(entry.workspace).toBe(`services/${entry.name}`);
    expect(new Set(entries.map((entry) => entry.port)).size).toBe(entries.length);
    expect(entries.map((entry) => entry.port)).not.toContain(4000);
    expect(entries[0]?.name).toBe('identity');
  });

  it('finds a module descriptor for each, with the registry port as its default', () => {
    const modules = serviceModules();
    expect(modules.map((module) => module.name)).toEqual(registry().map((entry) => entry.name));
    for (const module of modules) expect(module.resolvers.length).toBeGreaterThan(0);
  });
});
