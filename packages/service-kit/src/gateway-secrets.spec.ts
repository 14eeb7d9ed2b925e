import type { ServiceConfig } from './service-module';
import { gatewaySecretsOf } from './start-service';

const base = { NODE_ENV: 'development' } as ServiceConfig;
const SECRET = 'the-current-gateway-secret-of-32-characters';
const PREVIOUS = 'the-previous-gateway-secret-of-32-characters';

describe('the gateway secrets a subgraph checks', () => {
  it.each([
    ['none outside production: the subgraph answers unsigned requests', base, []],
    ['the current secret', { ...base, GATEWAY_SIGNING_SECRET: SECRET }, [SECRET]],
    [
      'the current, then the previous one during a rotation',
      { ...base, GATEWAY_SIGNING_SECRET: SECRET, GATEWAY_SIGNING_PREVIOUS_SECRET: PREVIOUS },
      [SECRET, PREVIOUS],
    ],
    ['the secret in production', { ...base, NODE_ENV: 'production', GATEWAY_SIGNING_SECRET: SECRET }, [SECRET]],
  ] as const)('%s', (_name, config, expected) => {
    expect(gatewaySecretsOf(config as ServiceConfig)).toEqual(expected);
  });

  it('refuses to start a subgraph in production without one', () => {
    expect(() => gatewaySecretsOf({ ...base, NODE_ENV: 'production' })).toThrow('GATEWAY_SIGNING_SECRET is required in production');
  });
});
