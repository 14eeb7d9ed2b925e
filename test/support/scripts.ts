import { execFileSync } from 'node:child_process';

import { REPO_ROOT } from './processes';

/** Calls an export of one of the project's ESM scripts (scripts/lib/*.mjs) and returns what it prints. */
export function runScriptFunction(module: string, expression: string): string {
  const source = `import * as m from './${module}'; const out = await (${expression}); process.stdout.write(typeof out === 'string' ? out : JSON.stringify(out));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
