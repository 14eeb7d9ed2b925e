export { clientAddressOf } from './client-address';
export { type GraphQLRoute, type HttpServer, type Readiness, type RouteHandler, startHttpServer } from './http-server';
export { metricsOnOwnPort, type MetricsServerOptions, startMetricsServer } from './metrics-server';
export { currentRequest, type RequestScope } from './request-scope';
export { sendJson } from './respond';
export { SHUTDOWN_TIMEOUT_MS, shutdownOnSignals, type ShutdownOptions } from './shutdown';
