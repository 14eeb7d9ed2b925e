import { telemetryOptionsFromEnv } from './env';

describe('telemetryOptionsFromEnv', () => {
  it('exports to the configured OTLP endpoint under the configured service name', () => {
    expect(
      telemetryOptionsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: ' http://otel-collector:4318 ', OTEL_SERVICE_NAME: 'identity' }, '/app/gateway/dist/main.js'),
    ).toEqual({ serviceName: 'identity', otlpEndpoint: 'http://otel-collector:4318' });
  });

  it('exports nothing when the endpoint is unset or empty (compose passes an empty value through)', () => {
    expect(telemetryOptionsFromEnv({}, undefined)?.otlpEndpoint).toBeUndefined();
    expect(telemetryOptionsFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: '' }, undefined)?.otlpEndpoint).toBeUndefined();
  });

  it("names the service after the script's workspace when OTEL_SERVICE_NAME is unset", () => {
    expect(telemetryOptionsFromEnv({}, '/work/main/services/performance/dist/main.js')?.serviceName).toBe('performance');
    expect(telemetryOptionsFromEnv({ OTEL_SERVICE_NAME: '' }, '/app/gateway/dist/main.js')?.serviceName).toBe('gateway');
    expect(telemetryOptionsFromEnv({}, '[eval]')?.serviceName).toBe('kinerja');
  });

  it('starts nothing with OTEL_SDK_DISABLED=true', () => {
    expect(telemetryOptionsFromEnv({ OTEL_SDK_DISABLED: 'TRUE', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, undefined)).toBeNull();
  });
});
