import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, Kind, parse } from 'graphql';

import { gatewayEnvSchema } from '../../gateway/src/env';
import { exceededLimit, measureOperation } from '../../gateway/src/operation-limits';
import { REPO_ROOT } from '../support/processes';
import { runScriptFunction } from '../support/scripts';

const CODEGEN = 'scripts/lib/client-codegen.mjs';
const problemsOf = (supergraphExpression = '') => JSON.parse(runScriptFunction(CODEGEN, `m.documentProblems(${supergraphExpression})`)) as string[];

// @kinerja/client is what the web app and frontend teams import: its documents must hold against the graph the gateway serves.
describe('the typed client (@kinerja/client)', () => {
  it('every document of the web app validates against the committed supergraph', () => {
    const documents = JSON.parse(runScriptFunction(CODEGEN, 'm.documents().map((d) => d.location)')) as string[];
    expect(documents).toEqual(expect.arrayContaining(['session.graphql', 'team-dashboard.graphql', 'skp.graphql', 'public.graphql']));
    expect(problemsOf()).toEqual([]);
  });

  it('a supergraph without a field a document selects breaks the check, naming the document', () => {
    // What a subgraph dropping Employee.latestAssessment would compose to.
    const field = /\n\s*("{3}[^"]*"{3}\s*)?latestAssessment: Assessment .*/;
    const broken = `(await import('node:fs')).readFileSync('gateway/supergraph.graphql', 'utf8').replace(new RegExp(${JSON.stringify(field.source)}), '')`;
    expect(problemsOf(broken)).toEqual([expect.stringMatching(/^team-dashboard\.graphql: Cannot query field "latestAssessment" on type "Employee"/)]);
  });

  it("every operation is within the gateway's default operation limits (depth, aliases, cost)", () => {
    const schema = buildSchema(runScriptFunction(CODEGEN, "(await import('graphql')).printSchema(m.apiSchema())"));
    const defaults = gatewayEnvSchema.parse({});
    const limits = {
      maxDepth: defaults.MAX_QUERY_DEPTH,
      maxAliases: defaults.MAX_ALIASES,
      maxRootFields: defaults.MAX_ROOT_FIELDS,
      maxCost: defaults.MAX_COST,
    };
    const operations = join(REPO_ROOT, 'packages', 'client', 'src', 'operations');
    const over = readdirSync(operations).flatMap((file) => {
      const document = parse(readFileSync(join(operations, file), 'utf8'));
      return document.definitions
        .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
        .map((operation) => [operation.name?.value, exceededLimit(measureOperation(schema, document, operation, { year: 2026, first: 20 }), limits)] as const)
        .filter(([, exceeded]) => exceeded !== undefined);
    });
    expect(over).toEqual([]);
  });

  it('src/generated/graphql.ts is a fresh generation (run `npm run generate:client`)', () => {
    const generated = runScriptFunction(CODEGEN, 'm.generateClientSource()');
    expect(readFileSync(join(REPO_ROOT, 'packages', 'client', 'src', 'generated', 'graphql.ts'), 'utf8')).toBe(generated);
  });
});
