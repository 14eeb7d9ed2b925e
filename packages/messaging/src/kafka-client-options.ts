import type { KafkaConfig } from 'kafkajs';

/** How to reach a secured broker (`kafkaSecurityOf` of @kinerja/config builds it from the environment). */
export interface KafkaConnectionSecurity {
  /** TLS; `ca` is the PEM of a private CA that signed the brokers' certificates. */
  tls?: { ca?: string };
  sasl?: { mechanism: 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

/** KafkaJS's `ssl` and `sasl` options for it; nothing when the broker is plaintext and open. */
export function kafkaSecurityOptions(security: KafkaConnectionSecurity | undefined): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const options: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (security?.tls) options.ssl = security.tls.ca ? { ca: [security.tls.ca], rejectUnauthorized: true } : true;
  if (security?.sasl) {
    const { username, password } = security.sasl;
    // Narrowed per mechanism: KafkaJS types each SASL mechanism's options separately.
    options.sasl =
      security.sasl.mechanism === 'scram-sha-512' ? { mechanism: 'scram-sha-512', username, password } : { mechanism: 'scram-sha-256', username, password };
  }
  return options;
}
