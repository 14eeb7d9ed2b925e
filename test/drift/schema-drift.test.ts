import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadServiceModule, printServiceSchema } from '@kinerja/service-kit';

import { REPO_ROOT } from '../support/processes';
import { runScriptFunction } from '../support/scripts';
import { checkedServices, registry } from '../support/services';

const subgraphs = registry();

// The committed schemas are what frontend teams and the gateway rely on: they must be what the code says.
describe('committed GraphQL schemas', () => {
  it.each(subgraphs.filter((entry) => checkedServices()(entry.name)).map((entry) => [entry.name, entry] as const))(
    '%s/schema.graphql matches the code (run `npm run generate`)',
    async (_name, entry) => {
      const printed = await printServiceSchema(loadServiceModule(REPO_ROOT, entry, 'src'));
      expect(readFileSync(join(REPO_ROOT, entry.workspace, 'schema.graphql'), 'utf8')).toBe(printed);
    },
  );

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
