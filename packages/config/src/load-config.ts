import type { z } from 'zod';

/** Every problem found in the environment, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Parses the environment with the given schema; blank values count as unset. */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.length > 0 ? issue.path.join('.') : '(environment)';
    const given = issue.path.length > 0 ? cleaned[String(issue.path[0])] : undefined;
    return given === undefined ? `${variable}: ${issue.message}` : `${variable}: ${issue.message} (got ${JSON.stringify(given)})`;
  });
  throw new ConfigError(problems);
}

/** For `env.ts` of a process: a bad configuration ends the process with every problem listed. */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, env: Env, processName: string): z.output<S> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`[${processName}] ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}
