import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';

import { gatewayEnvSchema } from '../src/env';
import { startGateway } from '../src/gateway';

// The module ApolloGateway's constructor calls to start its data collection (OTLP metrics to Apollo).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const apolloTelemetry = require('@apollo/gateway/dist/utilities/opentelemetry') as { createDataCollectionExporter: () => unknown };

describe('the gateway and Apollo', () => {
  it('never starts Apollo data collection, even when nothing in the environment turns it off', async () => {
    delete process.env['APOLLO_TELEMETRY_DISABLED'];
    const collection = jest.spyOn(apolloTelemetry, 'createDataCollectionExporter');
    const config = { ...loadConfig(gatewayEnvSchema, { PORT: '0', LOG_LEVEL: 'silent' }), subgraphUrls: {} };
    const gateway = await startGateway(config, createLogger({ name: 'gateway', level: 'silent' }));
    try {
      expect(collection).not.toHaveBeenCalled();
    } finally {
      await gateway.stop();
      collection.mockRestore();
    }
  });
});
