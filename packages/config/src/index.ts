export { type KafkaSecurity, kafkaSecurityEnv, kafkaSecurityOf, kafkaSecurityProblems, type KafkaSecuritySettings } from './kafka-security';
export { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
export { booleanFromString, commonServiceEnv, csvList, kafkaToolEnvSchema, port } from './schemas';
