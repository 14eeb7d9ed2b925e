import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

/** Deadline reminders by e-mail (issue 17): off unless an SMTP server is named. */
const mailEnv = {
  /** The SMTP server reminders are mailed through (no authentication; STARTTLS when offered). Unset: no mail, reminders only in the app. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: port(25),
  /** The sender of the reminder mails. */
  MAIL_FROM: z.string().min(3).default('Kinerja <noreply@kinerja.invalid>'),
  /** How often each replica sends the queued mails (0 = never). */
  MAIL_RELAY_INTERVAL_SECONDS: z.coerce.number().min(0).default(10),
};

export const identityEnvSchema = z.object({
  ...commonServiceEnv,
  PORT: port(4001),
  /** Serves /metrics on a port of its own (0 = any free port; the images set 9464); unset = on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** PKCS#8 PEM of a P-256 key: signs every access token (its kid is in each token's header). Required in production. */
  JWT_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
  /**
   * The keys signed with before a rotation (PEM, public or private, one after the other): served in
   * the JWKS for verification only, so tokens signed before the rotation stay valid until they expire.
   */
  JWT_PREVIOUS_KEYS: z.string().includes('-----BEGIN', { message: 'must be one or more PEM keys' }).optional(),
  /**
   * `allow`: in production, without JWT_PRIVATE_KEY, generate a key once and keep it in the
   * database (a single-host trial such as docker-compose.yml). Unset: production refuses to start without a key.
   */
  JWT_KEY_IN_DATABASE: z.enum(['allow']).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(60),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** The demo province on an empty database: only where asked for (npm start sets `auto`), never in production. */
  SEED_DEMO_DATA: z.enum(['auto', 'never']).default('never'),
  ...mailEnv,
});

export type IdentityConfig = z.output<typeof identityEnvSchema>;

/** The only place identity reads process.env. */
export function loadIdentityConfig(env: Record<string, string | undefined> = process.env): IdentityConfig {
  return loadConfigOrExit(identityEnvSchema, env, 'identity');
}

/** `npm run admin:create` only: the first province admin's password (unset: one is generated and printed once). */
export function adminPasswordFrom(env: Record<string, string | undefined> = process.env): string | undefined {
  return env['ADMIN_PASSWORD'] || undefined;
}
