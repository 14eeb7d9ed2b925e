import type { TelemetryOptions } from './telemetry';

/**
 * The standard OpenTelemetry variables: OTEL_EXPORTER_OTLP_ENDPOINT (OTLP/HTTP base URL; unset or
 * empty: nothing exported), OTEL_SERVICE_NAME (default: the workspace of the script, e.g.
 * `identity` for services/identity/dist/main.js), OTEL_SDK_DISABLED=true (no SDK at all).
 * Samplers (OTEL_TRACES_SAMPLER, OTEL_TRACES_SAMPLER_ARG) and batching (OTEL_BSP_*) are read by the SDK.
 */
export function telemetryOptionsFromEnv(env: Record<string, string | undefined>, script: string | undefined): TelemetryOptions | null {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return null;
  const workspace = /([\w-]+)[\\/]dist[\\/][^\\/]+\.js$/.exec(script ?? '')?.[1];
  return {
    serviceName: env['OTEL_SERVICE_NAME']?.trim() || workspace || 'kinerja',
    otlpEndpoint: env['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim() || undefined,
  };
}
