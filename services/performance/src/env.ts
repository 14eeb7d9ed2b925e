import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

import { DEFAULT_EVIDENCE_MAX_BYTES } from './domain/evidence-document.rule';

export const performanceEnvSchema = z
  .object({
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
    /**
     * Signs the short-lived links to official documents (PerformancePlan.documentLink): the same
     * value on every replica, at least 32 characters. Required in production; elsewhere a random
     * one per process is used when unset.
     */
    DOCUMENT_LINK_SECRET: z.string().min(32).optional(),
    /** How often each replica looks for deadline reminders due (0 = never); each goes out once however many replicas look. */
    REMINDER_INTERVAL_SECONDS: z.coerce.number().min(0).default(300),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && env.DOCUMENT_LINK_SECRET === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['DOCUMENT_LINK_SECRET'],
        message: 'is required in production (at least 32 characters, the same on every replica)',
      });
    }
  });

export type PerformanceConfig = z.output<typeof performanceEnvSchema>;

/** The only place performance reads process.env. */
export function loadPerformanceConfig(env: Record<string, string | undefined> = process.env): PerformanceConfig {
  return loadConfigOrExit(performanceEnvSchema, env, 'performance');
}
