import type { z } from 'zod';

import { kafkaSecurityProblems, readsKafkaSecurity } from './kafka-security';

/** Every problem found in the environment, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Variables whose given value is never echoed in a problem. */
const SECRET = /PASSWORD|PRIVATE_KEY|SECRET|_CA$/;

/** Parses the environment with the given schema; blank values count as unset. */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  // Rules between variables, reported beside the per-variable problems (never the secrets' values).
  const shape = (schema as { shape?: unknown }).shape;
  const related = shape && typeof shape === 'object' && readsKafkaSecurity(shape as Record<string, unknown>) ? kafkaSecurityProblems(cleaned) : [];
  if (result.success && related.length === 0) return result.data;
  const problems = (result.success ? [] : result.error.issues).map((issue) => {
    const variable = issue.path.length > 0 ? issue.path.join('.') : '(environment)';
    const given = issue.path.length > 0 && !SECRET.test(variable) ? cleaned[String(issue.path[0])] : undefined;
    return given === undefined ? `${variable}: ${issue.message}` : `${variable}: ${issue.message} (got ${JSON.stringify(given)})`;
  });
  throw new ConfigError([...problems, ...related]);
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
