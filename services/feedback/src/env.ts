import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

import { SURVEY_COMMENT_HARD_MAX_LENGTH } from './domain/citizen-survey';

export const feedbackEnvSchema = z.object({
  ...commonServiceEnv,
  PORT: port(4003),
  /** Demo citizen answers for the service units: only where asked for (npm start sets `auto`), never in production. */
  SEED_DEMO_DATA: z.enum(['auto', 'never']).default('never'),
  /** Serves /metrics on a port of its own (0 = any free port; the images set 9464); unset = on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Citizen survey (rule 7): requests one client address may make at once, and refilled per minute (token and submit each). */
  SURVEY_ADDRESS_BURST: z.coerce.number().int().min(1).default(10),
  SURVEY_ADDRESS_PER_MINUTE: z.coerce.number().min(0).default(10),
  /** Submissions one unit takes at once, and refilled per minute. */
  SURVEY_UNIT_BURST: z.coerce.number().int().min(1).default(600),
  SURVEY_UNIT_PER_MINUTE: z.coerce.number().min(0).default(6000),
  /** The longest citizen comment kept (at most 4000). */
  SURVEY_COMMENT_MAX_LENGTH: z.coerce.number().int().min(0).max(SURVEY_COMMENT_HARD_MAX_LENGTH).default(1000),
  /** How long a survey token may be spent after it was issued. */
  SURVEY_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).default(60),
  /** How often each replica closes the open 360° cycles whose due date has passed (0 = never; closing by hand still works). */
  CYCLE_CLOSE_INTERVAL_SECONDS: z.coerce.number().min(0).default(60),
  /** How often each replica looks for 360° reminders due (0 = never); each goes out once however many replicas look. */
  REMINDER_INTERVAL_SECONDS: z.coerce.number().min(0).default(300),
});

export type FeedbackConfig = z.output<typeof feedbackEnvSchema>;

/** The only place feedback reads process.env. */
export function loadFeedbackConfig(env: Record<string, string | undefined> = process.env): FeedbackConfig {
  return loadConfigOrExit(feedbackEnvSchema, env, 'feedback');
}
