import { commonServiceEnv, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

export const identityEnvSchema = z.object({
  ...commonServiceEnv,
  PORT: port(4001),
  /** Serves /metrics on a port of its own (0 = any free port; the images set 9464); unset = on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** PKCS#8 PEM of a P-256 key; without it a key is generated once and kept in the database. */
  JWT_PRIVATE_KEY: z.string().includes('PRIVATE KEY', { message: 'must be a PEM private key' }).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(60),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** The demo province on an empty database: only where asked for (npm start sets `auto`), never in production. */
  SEED_DEMO_DATA: z.enum(['auto', 'never']).default('never'),
});

export type IdentityConfig = z.output<typeof identityEnvSchema>;

/** The only place identity reads process.env. */
export function loadIdentityConfig(env: Record<string, string | undefined> = process.env): IdentityConfig {
  return loadConfigOrExit(identityEnvSchema, env, 'identity');
}
