import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

export const __name__EnvSchema = z.object({
  ...commonServiceEnv,
  PORT: port(__port__),
  /** Serves /metrics on a port of its own (0 = any free port; the images set 9464); unset = on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

export type __Name__Config = z.output<typeof __name__EnvSchema>;

/** The only place __name__ reads process.env. */
export function load__Name__Config(env: Record<string, string | undefined> = process.env): __Name__Config {
  return loadConfigOrExit(__name__EnvSchema, env, '__name__');
}
