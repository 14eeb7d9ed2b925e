import type { Telemetry } from './state';
import type * as TelemetryModule from './telemetry';
import type { TelemetryOptions } from './telemetry';

export { graphqlMetricsPlugin, type OperationNameLabels } from './graphql-metrics.plugin';
export { type ConsumerSource, createMetrics, type DbPoolStats, type ProcessMetrics, processMetrics, type ServiceMetricSources } from './metrics';
export { injectTraceContext, inRequestTraceContext, UNTRACED_PATHS } from './request-trace';
export { runningTelemetry, shutdownTelemetry, type Telemetry } from './state';
export type { TelemetryOptions } from './telemetry';

/**
 * Starts the OpenTelemetry SDK (see telemetry.ts). The SDK is loaded here, on first use, not when
 * this package is imported: it takes over a second, which processes that only use the metrics (and
 * every test that starts a server) should not pay.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTelemetry: start } = require('./telemetry') as typeof TelemetryModule;
  return start(options);
}
