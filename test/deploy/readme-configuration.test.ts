/**
 * The README's Configuration table against the code: every key of every process's zod env schema
 * (services/<name>/src/env.ts, gateway/src/env.ts) has a row naming that process, with the schema's
 * default; every row names only variables the processes it names read. OpenTelemetry's variables are
 * read by every process (packages/observability/src/env.ts) rather than by an env.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { envDefaults, envSchemaKeys, OTEL_ENV, workspaceSubgraphs } from './support/env-contract';
import { repoRoot } from './support/tools';

interface Row {
  variables: string[];
  processes: string[];
  defaults: string[];
}

/** The rows of the first table under `## Configuration`. */
function configurationTable(markdown: string): Row[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Configuration\n')) ?? '';
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
  const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
  return lines.slice(2).map((line) => {
    const [variables = '', processes = '', defaults = ''] = cells(line);
    return {
      variables: ticked(variables),
      processes: processes.split(',').map((p) => p.trim().replace(/`/g, '')),
      // What a default cell states: its `code` spans and its bare numbers.
      defaults: [...ticked(defaults), ...(defaults.match(/\b\d+\b/g) ?? [])],
    };
  });
}

/** The processes with a zod env schema; `npm start` (embedded/) and tests are not checked here. */
const schemaProcesses = () => ['gateway', ...workspaceSubgraphs()];

function processesOf(row: Row): string[] {
  return row.processes.flatMap((p) => (p === 'all' ? schemaProcesses() : p === 'subgraphs' ? workspaceSubgraphs() : schemaProcesses().includes(p) ? [p] : []));
}

const readBy = (process: string) => new Set([...envSchemaKeys(process), ...OTEL_ENV]);
/** `SUBGRAPH_<NAME>_URL`: a family of variables, not one key. */
const isPattern = (variable: string) => /<[A-Z]+>/.test(variable);

describe('README.md Configuration table', () => {
  let rows: Row[] = [];
  beforeAll(() => {
    rows = configurationTable(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
  });

  it('is found and names processes the project has', () => {
    expect(rows.length).toBeGreaterThan(10);
    const known = new Set(['all', 'subgraphs', 'npm start', 'tests', ...schemaProcesses()]);
    expect(rows.flatMap((row) => row.processes.filter((p) => !known.has(p)))).toEqual([]);
  });

  it("lists every variable of every process's env schema, for that process", () => {
    const missing = schemaProcesses().flatMap((process) =>
      [...readBy(process)]
        .filter((variable) => !rows.some((row) => row.variables.includes(variable) && processesOf(row).includes(process)))
        .map((variable) => `${variable} (read by ${process}) has no row naming ${process}`),
    );
    expect(missing).toEqual([]);
  });

  it('lists no variable a process it names does not read', () => {
    const stale = rows.flatMap((row) =>
      row.variables
        .filter((variable) => !isPattern(variable))
        .flatMap((variable) =>
          processesOf(row)
            .filter((process) => !readBy(process).has(variable))
            .map((process) => `${variable}: ${process} does not read it`),
        ),
    );
    expect(stale).toEqual([]);
  });

  it("states each process's default (absolute paths aside)", () => {
    const wrong = schemaProcesses().flatMap((process) =>
      Object.entries(envDefaults(process))
        .filter(([, value]) => (typeof value === 'string' && !value.startsWith('/')) || typeof value === 'number')
        .flatMap(([variable, value]) => {
          const row = rows.find((r) => r.variables.includes(variable) && processesOf(r).includes(process));
          return row && !row.defaults.includes(String(value))
            ? [`${variable} (${process}): default ${String(value)} is not in [${row.defaults.join(', ')}]`]
            : [];
        }),
    );
    expect(wrong).toEqual([]);
  });
});
