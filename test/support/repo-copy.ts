import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { REPO_ROOT } from './processes';

/**
 * A working copy of the repository in a temporary folder: the files git tracks or would track, the
 * generated Prisma clients, the build output (timestamps kept, so that `tsc -b` there is incremental),
 * and the installed node_modules linked (not copied), so that a script
 * that edits the tree (the subgraph generator) can be run and checked without touching this one.
 */
export function copyRepository(prefix: string): string {
  const target = mkdtempSync(join(tmpdir(), `kinerja-${prefix}-`));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(REPO_ROOT, file))) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(target, file), { preserveTimestamps: true });
  }
  const workspaces = [
    '.',
    'embedded',
    'gateway',
    ...['packages', 'services'].flatMap((dir) => readdirSync(join(REPO_ROOT, dir)).map((name) => join(dir, name))),
  ];
  for (const workspace of workspaces) {
    const modules = join(REPO_ROOT, workspace, 'node_modules');
    if (existsSync(modules)) symlinkSync(modules, join(target, workspace, 'node_modules'));
    // The build output with its timestamps: `tsc -b` in the copy then builds only what changed.
    const dist = join(REPO_ROOT, workspace, 'dist');
    if (existsSync(dist)) cpSync(dist, join(target, workspace, 'dist'), { recursive: true, preserveTimestamps: true });
    const generated = join(REPO_ROOT, workspace, 'src', 'generated');
    if (existsSync(generated)) cpSync(generated, join(target, workspace, 'src', 'generated'), { recursive: true });
  }
  return target;
}
