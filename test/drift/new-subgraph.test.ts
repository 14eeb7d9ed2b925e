import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../support/processes';
import { copyRepository } from '../support/repo-copy';

const NAME = 'sample';
const PORT = 4099;

/** Runs a command in the copy; on failure the error carries its output. */
function runIn(cwd: string, command: string, args: string[], env: Record<string, string> = {}): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`.slice(-6000));
  }
}

const SKIPPED = /(^|\/)(node_modules|dist|generated|\.git)(\/|$)/;

/** Files of the copy the generator created or changed (compared with this tree). */
function changedFiles(copy: string): string[] {
  return (readdirSync(copy, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => !SKIPPED.test(file))
    .filter((file) => {
      const original = join(REPO_ROOT, file);
      const path = join(copy, file);
      try {
        return !existsSync(original) || !readFileSync(original).equals(readFileSync(path));
      } catch {
        return false; // a folder
      }
    });
}

// The generator is the way a service is added: run it into a copy of the repository, so that the
// template cannot rot, and check what `npm test` would check of the result.
describe('npm run new:subgraph', () => {
  let copy: string;

  beforeAll(() => {
    copy = copyRepository('generator');
    runIn(copy, process.execPath, ['scripts/new-subgraph.mjs', NAME, String(PORT), 'SampleNote', '--no-install']);
  }, 180_000);

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('registers the service in the one list and composes it into the supergraph', () => {
    const registry = JSON.parse(readFileSync(join(copy, 'gateway', 'subgraphs.json'), 'utf8')) as { subgraphs: { name: string; port: number }[] };
    expect(registry.subgraphs.at(-1)).toEqual({ name: NAME, port: PORT, workspace: `services/${NAME}` });
    const supergraph = readFileSync(join(copy, 'gateway', 'supergraph.graphql'), 'utf8');
    expect(supergraph).toContain(`SAMPLE @join__graph(name: "${NAME}", url: "http://127.0.0.1:${PORT}/graphql")`);
    expect(supergraph).toMatch(/type SampleNote\s+@join__type\(graph: SAMPLE, key: "id"\)/);
  });

  it('leaves a tree that type-checks, lints and is formatted', () => {
    runIn(copy, process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);
    // Only what the generator wrote: the rest of the tree is this one's, which `npm run lint` checks.
    const changed = changedFiles(copy);
    expect(changed).toEqual(expect.arrayContaining(['gateway/subgraphs.json', `services/${NAME}/package.json`]));
    runIn(copy, process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--ignore-unknown', ...changed]);
    const code = changed.filter((file) => /\.(ts|tsx|mjs|js)$/.test(file));
    runIn(copy, process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '--no-warn-ignored', ...code]);
  }, 180_000);

  it("passes the generated service's contract test and the registry, drift and deploy checks", () => {
    const out = runIn(
      copy,
      process.execPath,
      [
        'node_modules/jest/bin/jest.js',
        `services/${NAME}`,
        'test/drift/registry.test.ts',
        'test/drift/schema-drift.test.ts',
        'test/drift/served-schema-drift.test.ts',
        'test/drift/migration-drift.test.ts',
        'test/deploy',
      ],
      // The per-service checks cover the new service only; the others are this tree's, checked by the suite itself.
      { NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning', CHECK_SERVICES: NAME },
    );
    expect(out).not.toMatch(/FAIL/);
  }, 600_000);
});
