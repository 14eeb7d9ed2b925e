export { type GraphQLRoute, type HttpServer, type Readiness, type RouteHandler, startHttpServer } from './http-server';
export { currentRequest, type RequestScope } from './request-scope';
export { sendJson } from './respond';
