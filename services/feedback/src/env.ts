import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

export const feedbackEnvSchema = z.object({
  ...commonServiceEnv,
  PORT: port(4003),
  /** Serves /metrics on a port of its own (0 = any free port; the images set 9464); unset = on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

export type FeedbackConfig = z.output<typeof feedbackEnvSchema>;

/** The only place feedback reads process.env. */
export function loadFeedbackConfig(env: Record<string, string | undefined> = process.env): FeedbackConfig {
  return loadConfigOrExit(feedbackEnvSchema, env, 'feedback');
}
