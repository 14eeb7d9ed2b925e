import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

export const recruitmentEnvSchema = z.object({
  ...commonServiceEnv,
  PORT: port(4005),
  /** Serves /metrics on a port of its own (0 = any free port; the images set 9464); unset = on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

export type RecruitmentConfig = z.output<typeof recruitmentEnvSchema>;

/** The only place recruitment reads process.env. */
export function loadRecruitmentConfig(env: Record<string, string | undefined> = process.env): RecruitmentConfig {
  return loadConfigOrExit(recruitmentEnvSchema, env, 'recruitment');
}
