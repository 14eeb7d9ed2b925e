export { assertDocumentId, attachmentDisposition, attachmentRoute, type AttachmentRouteOptions, type StoredAttachment } from './attachment-route';
export { clientAddressOf } from './client-address';
export {
  checkGatewaySignature,
  GATEWAY_SIGNATURE_HEADER,
  GATEWAY_SIGNATURE_TOLERANCE_MS,
  type GatewaySignatureCheck,
  signGatewayRequest,
} from './gateway-signature';
export { type GraphQLRoute, type HttpServer, type Readiness, requestIdsOf, startHttpServer } from './http-server';
export { metricsOnOwnPort, type MetricsServerOptions, startMetricsServer } from './metrics-server';
export { currentRequest, type RequestScope } from './request-scope';
export { sendError, sendJson } from './respond';
export { matchRoute, type RouteHandler, type Routes } from './routes';
export { SHUTDOWN_TIMEOUT_MS, shutdownOnSignals, type ShutdownOptions } from './shutdown';
