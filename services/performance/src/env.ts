import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

import { DEFAULT_EVIDENCE_MAX_BYTES } from './domain/evidence-document.rule';

export const performanceEnvSchema = z.object({
  ...commonServiceEnv,
  PORT: port(4002),
  /** Serves /metrics on a port of its own (0 = any free port; the images set 9464); unset = on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Largest evidence document accepted, in bytes (1 byte up to 64 MiB). */
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(64 * 1024 * 1024)
    .default(DEFAULT_EVIDENCE_MAX_BYTES),
});

export type PerformanceConfig = z.output<typeof performanceEnvSchema>;

/** The only place performance reads process.env. */
export function loadPerformanceConfig(env: Record<string, string | undefined> = process.env): PerformanceConfig {
  return loadConfigOrExit(performanceEnvSchema, env, 'performance');
}
