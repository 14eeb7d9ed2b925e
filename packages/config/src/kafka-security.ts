import { z } from 'zod';

/**
 * How a process authenticates to the brokers and encrypts the connection. Unset = plaintext with no
 * authentication (the local broker of `npm run kafka:start`, the embedded mode).
 */
export const kafkaSecurityEnv = {
  /** TLS to the brokers (with the system's trusted CAs, or KAFKA_SSL_CA). */
  KAFKA_SSL: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  /** PEM of the CA that signed the brokers' certificates, when it is not a public one. */
  KAFKA_SSL_CA: z.string().includes('BEGIN CERTIFICATE', { message: 'must be a PEM certificate' }).optional(),
  /** SASL/SCRAM authentication; needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD. */
  KAFKA_SASL_MECHANISM: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['scram-sha-256', 'scram-sha-512']))
    .optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
};

export interface KafkaSecuritySettings {
  NODE_ENV?: string | undefined;
  KAFKA_SSL?: boolean | undefined;
  KAFKA_SSL_CA?: string | undefined;
  KAFKA_SASL_MECHANISM?: 'scram-sha-256' | 'scram-sha-512' | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
}

/** What a Kafka client needs to connect securely; `undefined` parts are off. */
export interface KafkaSecurity {
  tls?: { ca?: string };
  sasl?: { mechanism: 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

const SECURITY_KEYS = ['KAFKA_SSL', 'KAFKA_SSL_CA', 'KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const;

/** Whether a config schema carries the Kafka security variables (then loadConfig checks them together). */
export const readsKafkaSecurity = (shape: Record<string, unknown>) => SECURITY_KEYS.every((key) => key in shape);

/**
 * The rules between the variables, over the raw environment (so they are reported beside the
 * per-variable problems): a mechanism needs both credentials and credentials need a mechanism;
 * a CA needs TLS; in production the credentials never travel without TLS.
 */
export function kafkaSecurityProblems(env: Record<string, string | undefined>): string[] {
  const set = (key: string) => env[key] !== undefined && env[key] !== '';
  const tls = ['true', '1'].includes(env['KAFKA_SSL'] ?? '');
  const problems: string[] = [];
  if (set('KAFKA_SASL_MECHANISM')) {
    for (const key of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD']) if (!set(key)) problems.push(`${key}: required when KAFKA_SASL_MECHANISM is set`);
    if (!tls && env['NODE_ENV'] === 'production') problems.push('KAFKA_SSL: must be true in production when KAFKA_SASL_MECHANISM is set');
  } else {
    for (const key of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD']) if (set(key)) problems.push(`${key}: set without KAFKA_SASL_MECHANISM`);
  }
  if (set('KAFKA_SSL_CA') && !tls) problems.push('KAFKA_SSL_CA: set without KAFKA_SSL=true');
  return problems;
}

/** The parsed variables as connection settings (loadConfig has checked that they fit together). */
export function kafkaSecurityOf(config: KafkaSecuritySettings): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (config.KAFKA_SSL) security.tls = config.KAFKA_SSL_CA ? { ca: config.KAFKA_SSL_CA } : {};
  if (config.KAFKA_SASL_MECHANISM && config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD) {
    security.sasl = { mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_SASL_USERNAME, password: config.KAFKA_SASL_PASSWORD };
  }
  return security;
}
