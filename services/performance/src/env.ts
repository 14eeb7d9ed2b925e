import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

export const performanceEnvSchema = z.object({
  ...commonServiceEnv,
  PORT: port(4002),
});

export type PerformanceConfig = z.output<typeof performanceEnvSchema>;

/** The only place performance reads process.env. */
export function loadPerformanceConfig(env: Record<string, string | undefined> = process.env): PerformanceConfig {
  return loadConfigOrExit(performanceEnvSchema, env, 'performance');
}
