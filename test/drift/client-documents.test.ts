import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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

  it('src/generated/graphql.ts is a fresh generation (run `npm run generate:client`)', () => {
    const generated = runScriptFunction(CODEGEN, 'm.generateClientSource()');
    expect(readFileSync(join(REPO_ROOT, 'packages', 'client', 'src', 'generated', 'graphql.ts'), 'utf8')).toBe(generated);
  });
});
