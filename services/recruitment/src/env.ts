import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

import { DEFAULT_DOCUMENT_MAX_BYTES } from './domain/application-document.rule';

export const recruitmentEnvSchema = z.object({
  ...commonServiceEnv,
  PORT: port(4005),
  /** Serves /metrics on a port of its own (0 = any free port; the images set 9464); unset = on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Demo selections per agency in non-production runs (the same switch as identity's demo data). */
  SEED_DEMO_DATA: z.enum(['auto', 'never']).default('never'),
  /** How long the demo seed waits for identity's employee snapshots on a first start (ms). */
  SEED_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** The largest document an applicant uploads (bytes; 2 MiB by default). */
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(20 * 1024 * 1024)
    .default(DEFAULT_DOCUMENT_MAX_BYTES),
});

export type RecruitmentConfig = z.output<typeof recruitmentEnvSchema>;

/** The only place recruitment reads process.env. */
export function loadRecruitmentConfig(env: Record<string, string | undefined> = process.env): RecruitmentConfig {
  return loadConfigOrExit(recruitmentEnvSchema, env, 'recruitment');
}
