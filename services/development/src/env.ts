import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

export const developmentEnvSchema = z.object({
  ...commonServiceEnv,
  PORT: port(4004),
  /** Serves /metrics on a port of its own (0 = any free port; the images set 9464); unset = on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The default competencies and province-wide programmes (Latsar CPNS, coaching, the gap mapping's); never in production. */
  SEED_DEFAULT_CATALOGUE: z.enum(['auto', 'never']).default('auto'),
});

export type DevelopmentConfig = z.output<typeof developmentEnvSchema>;

/** The only place development reads process.env. */
export function loadDevelopmentConfig(env: Record<string, string | undefined> = process.env): DevelopmentConfig {
  return loadConfigOrExit(developmentEnvSchema, env, 'development');
}
