import { z } from 'zod';

import { kafkaSecurityOf } from './kafka-security';
import { ConfigError, loadConfig } from './load-config';
import { booleanFromString, commonServiceEnv, port } from './schemas';

const schema = z.object({ PORT: port(4001), FLAG: booleanFromString(false), NAME: z.string() });

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    expect(loadConfig(schema, { NAME: 'identity', FLAG: 'true' })).toEqual({ PORT: 4001, FLAG: true, NAME: 'identity' });
  });

  it('treats a blank value as unset', () => {
    expect(loadConfig(schema, { NAME: 'x', PORT: '' }).PORT).toBe(4001);
  });

  it('reports every problem at once, naming the variable and the value given', () => {
    let caught: unknown;
    try {
      loadConfig(schema, { PORT: 'eighty', FLAG: 'yes' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT: .*"eighty"/);
    expect(problems.join('\n')).toMatch(/FLAG: .*"yes"/);
    expect(problems.join('\n')).toMatch(/NAME: /);
  });
});

describe('loadConfig with the Kafka security variables', () => {
  const kafkaSchema = z.object(commonServiceEnv);
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(kafkaSchema, env);
      return [];
    } catch (error) {
      return [...(error as ConfigError).problems];
    }
  };

  it('turns SCRAM over TLS with a private CA into connection settings', () => {
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const config = loadConfig(kafkaSchema, {
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA: ca,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'performance',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(kafkaSecurityOf(config)).toEqual({ tls: { ca }, sasl: { mechanism: 'scram-sha-512', username: 'performance', password: 's3cret' } });
  });

  it('is plaintext with no authentication when nothing is set', () => {
    expect(kafkaSecurityOf(loadConfig(kafkaSchema, {}))).toEqual({});
  });

  it('reports missing credentials, credentials without a mechanism, a CA without TLS and an unknown mechanism, all at once', () => {
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toEqual([
      'KAFKA_SASL_USERNAME: required when KAFKA_SASL_MECHANISM is set',
      'KAFKA_SASL_PASSWORD: required when KAFKA_SASL_MECHANISM is set',
    ]);
    const mixed = problemsOf({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'x', KAFKA_SASL_PASSWORD: 'hunter2', KAFKA_SSL_CA: 'not a pem' });
    expect(mixed.some((problem) => problem.startsWith('KAFKA_SASL_MECHANISM:'))).toBe(true);
    expect(mixed.some((problem) => problem.startsWith('KAFKA_SSL_CA: must be a PEM certificate'))).toBe(true);
    expect(mixed).toContain('KAFKA_SSL_CA: set without KAFKA_SSL=true');
    expect(problemsOf({ KAFKA_SASL_USERNAME: 'x' })).toEqual(['KAFKA_SASL_USERNAME: set without KAFKA_SASL_MECHANISM']);
  });

  it('refuses SASL without TLS in production, and never echoes a password', () => {
    expect(problemsOf({ NODE_ENV: 'production', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'a', KAFKA_SASL_PASSWORD: 'hunter2' })).toEqual([
      'KAFKA_SSL: must be true in production when KAFKA_SASL_MECHANISM is set',
    ]);
    expect(problemsOf({ KAFKA_SASL_PASSWORD: 'hunter2', KAFKA_SSL: 'maybe' }).join('\n')).not.toContain('hunter2');
  });
});
