import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, type GraphQLSchema, Kind, parse, print, validate } from 'graphql';

import { Gateway, op } from '../../../embedded/src/demo-activity.client';
import { FALLBACK_PLAN, PLANS } from '../../../embedded/src/demo-activity.templates';

const root = join(__dirname, '..', '..', '..');

export interface RealOperation {
  /** Where it was found, for the failure message. */
  origin: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** The supergraph as a graphql-js schema (join__ directives and all): enough to validate client operations. */
export function supergraphSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(root, 'gateway', 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
}

/** The README's ```graphql blocks; a block that does not parse as a whole (elisions "…") is taken line by line. */
function readmeOperations(): RealOperation[] {
  const blocks = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks.flatMap((block, b) => {
    try {
      parse(block);
      return [{ origin: `README.md graphql block ${b + 1}`, query: block }];
    } catch {
      return block
        .split('\n')
        .filter((line) => /^\s*(mutation|query|\{)/.test(line))
        .map((line, l) => ({ origin: `README.md graphql block ${b + 1} line ${l + 1}`, query: line }));
    }
  });
}

/** String literals of a source file that read as GraphQL operations, with `${CONSTANT}` resolved from the same file. */
function sourceOperations(file: string): RealOperation[] {
  const text = readFileSync(join(root, file), 'utf8');
  const constant = (name: string): string | undefined => new RegExp(`const ${name}\\s*=\\s*(?:\`([^\`]*)\`|'([^']*)')`).exec(text)?.slice(1).find(Boolean);
  const resolve = (literal: string, depth = 0): string | undefined => {
    if (depth > 3) return undefined;
    let unresolved = false;
    const out = literal.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      const value = constant(name);
      if (value === undefined) unresolved = true;
      return value === undefined ? '' : (resolve(value, depth + 1) ?? ((unresolved = true), ''));
    });
    return unresolved ? undefined : out;
  };
  const literals = [...text.matchAll(/`([^`]*)`|'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1] ?? m[2] ?? '');
  return literals
    .filter((literal) => /^\s*(query|mutation|\{)[\s\S]*\}\s*$/.test(literal))
    .flatMap((literal) => {
      const query = resolve(literal);
      return query === undefined ? [] : [{ origin: file, query }];
    });
}

/** The typed client's documents (the web app's operations): each operation as the client sends it, alone. */
function clientOperations(file: string): RealOperation[] {
  return parse(readFileSync(join(root, file), 'utf8')).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? [{ origin: `${file} ${definition.name?.value ?? ''}`, query: print({ kind: Kind.DOCUMENT, definitions: [definition] }) }]
      : [],
  );
}

const filesIn = (dir: string, pattern: RegExp) =>
  readdirSync(join(root, dir))
    .filter((name) => pattern.test(name))
    .map((name) => `${dir}/${name}`);

/** Records the documents the demo client builds, instead of sending them. */
class RecordingGateway extends Gateway {
  readonly sent: RealOperation[] = [];
  override async request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    this.sent.push({ origin: 'embedded demo activity batch', query, variables });
    return {} as T;
  }
}

/**
 * The demo seeding's largest batches, built by its own client: every indicator of the longest SKP
 * template reported for four quarters in one request, and the indicators of two years' SKPs added
 * and submitted in one request.
 */
async function demoBatches(): Promise<RealOperation[]> {
  const gateway = new RecordingGateway('http://unused');
  const templates = [...Object.values(PLANS), FALLBACK_PLAN];
  const indicators = Math.max(...templates.map((plan) => plan.reduce((sum, workResult) => sum + workResult.indicators.length, 0)));
  const workResults = Math.max(...templates.map((plan) => plan.length));
  const report = Array.from({ length: indicators * 4 }, () =>
    op('reportRealization', { input: ['ReportRealizationInput!', { indicatorId: 'i', periodId: 'p', value: 1, evidenceUrl: 'https://x', note: null }] }, 'id'),
  );
  const add = Array.from({ length: 2 * workResults }, () => op('addWorkResult', { input: ['AddWorkResultInput!', {}] }, 'id'));
  const indicatorsAndSubmit = [
    ...Array.from({ length: 2 * indicators }, () => op('addIndicator', { input: ['AddIndicatorInput!', {}] }, 'id')),
    ...Array.from({ length: 2 }, () => op('submitPerformancePlan', { planId: ['ID!', 'p'] }, 'id status')),
  ];
  for (const batch of [report, add, indicatorsAndSubmit]) await gateway.mutate('token', batch);
  return gateway.sent;
}

/**
 * The operations this repository really sends through the gateway: the README's examples, the
 * web app's (the typed client's documents), the end-to-end tests' and the benchmarks', and the demo seeding's (its fixed queries and its largest
 * batches). Only those that are valid against the supergraph (a few go to one subgraph directly).
 */
export async function realOperations(schema: GraphQLSchema = supergraphSchema()): Promise<RealOperation[]> {
  const sources = [...filesIn('test/e2e', /\.ts$/), ...filesIn('test/support', /\.ts$/), ...filesIn('embedded/src', /\.ts$/), ...filesIn('bench', /\.mjs$/)];
  const all = [
    ...readmeOperations(),
    ...sources.flatMap(sourceOperations),
    ...filesIn('packages/client/src/operations', /\.graphql$/).flatMap(clientOperations),
    ...(await demoBatches()),
  ];
  return all.filter(({ query }) => {
    try {
      return validate(schema, parse(query)).length === 0;
    } catch {
      return false;
    }
  });
}
