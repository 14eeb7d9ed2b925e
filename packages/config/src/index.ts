export { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
export { booleanFromString, commonServiceEnv, csvList, port } from './schemas';
