import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../support/processes';
import { runScriptFunction } from '../support/scripts';

interface SubgraphEntry {
  name: string;
  workspace: string;
}

const subgraphs = (JSON.parse(readFileSync(join(REPO_ROOT, 'gateway', 'subgraphs.json'), 'utf8')) as { subgraphs: SubgraphEntry[] }).subgraphs;

// The committed schemas are what frontend teams and the gateway rely on: they must be what the code says.
describe('committed GraphQL schemas', () => {
  it.each(subgraphs.map((entry) => [entry.name, entry] as const))('%s/schema.graphql matches the code (run `npm run generate`)', async (_name, entry) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(join(REPO_ROOT, entry.workspace, 'src', 'schema.ts')) as Record<string, () => Promise<string>>;
    const printer = Object.entries(module).find(([key]) => /^print\w+Schema$/.test(key))?.[1];
    expect(printer).toBeDefined();
    expect(readFileSync(join(REPO_ROOT, entry.workspace, 'schema.graphql'), 'utf8')).toBe(await printer!());
  });

  it('gateway/supergraph.graphql is the composition of the committed subgraph schemas (run `npm run compose`)', () => {
    const composed = runScriptFunction('scripts/lib/compose.mjs', 'm.composeSupergraph()');
    expect(readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8')).toBe(composed);
  });

  it('every @key entity of the contract is in the supergraph', () => {
    const supergraph = readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
    for (const entity of ['Agency', 'OrgUnit', 'Position', 'Employee']) {
      expect(supergraph).toMatch(new RegExp(`type ${entity}\\s[^{]*@join__type\\(graph: IDENTITY, key: "id"\\)`));
    }
  });
});
