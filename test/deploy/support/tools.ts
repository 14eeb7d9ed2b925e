import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..', '..');

type ToolName = 'helm' | 'kubectl';

let tools: Record<ToolName, string> | undefined;

/**
 * helm and kubectl from the project's own script (scripts/deploy-tools.mjs). The script is ESM, which
 * Jest's CommonJS runtime cannot import, so it runs as a child process. A missing or broken tool
 * throws here, failing the test (never skipping it).
 */
export function toolPath(name: ToolName): string {
  if (!tools) {
    const out = execFileSync(process.execPath, [join(repoRoot, 'scripts', 'deploy-tools.mjs')], { encoding: 'utf8' });
    tools = JSON.parse(out) as Record<ToolName, string>;
  }
  return tools[name];
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool and reports its exit status instead of throwing, for checks that expect a refusal. */
export function runTool(name: ToolName, args: readonly string[]): RunResult {
  try {
    const stdout = execFileSync(toolPath(name), args, {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      // Offline, and no user config leaking in (repositories, plugins, kubeconfig).
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HELM_CACHE_HOME: '/tmp/kinerja-helm-cache', KUBECONFIG: '/dev/null' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status?: number | null; stdout?: string; stderr?: string };
    return { status: failed.status ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

/** Runs a tool that must succeed; its stderr becomes the failure message otherwise. */
export function runToolOk(name: ToolName, args: readonly string[]): string {
  const result = runTool(name, args);
  if (result.status !== 0) throw new Error(`${name} ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}
