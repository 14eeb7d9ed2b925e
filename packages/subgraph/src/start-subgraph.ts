import type { IncomingMessage } from 'node:http';

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { TokenVerifier } from '@kinerja/auth';
import { createErrorFormatter, UnauthenticatedError } from '@kinerja/errors';
import {
  checkGatewaySignature,
  clientAddressOf,
  currentRequest,
  GATEWAY_SIGNATURE_HEADER,
  type HttpServer,
  type Readiness,
  type RouteHandler,
  startHttpServer,
} from '@kinerja/http-server';
import type { Logger } from '@kinerja/logger';
import { graphqlMetricsPlugin, processMetrics, type ServiceMetricSources } from '@kinerja/observability';
import type { GraphQLSchema } from 'graphql';

import { type InputGuardOptions, inputGuardPlugin } from './input-guard';
import { passwordChangePlugin } from './password-change.plugin';
import type { SubgraphContext } from './subgraph-context';

export interface StartSubgraphOptions<Context extends SubgraphContext> {
  /** Largest request body accepted (default 1 MB); raise it for mutations that carry documents. */
  maxBodyBytes?: number;
  /** Free-text input fields allowed more than DEFAULT_MAX_STRING_LENGTH characters (input-guard.ts). */
  longTextInputs?: InputGuardOptions['longTextInputs'];
  name: string;
  schema: GraphQLSchema;
  host: string;
  port: number;
  logger: Logger;
  verifier: TokenVerifier;
  /** Adds the service's per-request parts (dataloaders) to the verified base context. */
  extendContext(base: SubgraphContext): Context;
  readiness: Readiness;
  routes?: Record<string, RouteHandler>;
  /** Read on each scrape of `/metrics`: outbox backlog, consumer state and lag, database pool. */
  metrics?: ServiceMetricSources;
  /**
   * The gateway's signing secrets (the current one first, then the previous one during a rotation).
   * Given, `/graphql` answers only requests the gateway signed (gateway-signature.ts of @kinerja/auth).
   */
  gatewaySecrets?: readonly string[];
}

export interface RunningSubgraph {
  url: string;
  graphqlUrl: string;
  stop(): Promise<void>;
}

/** Serves one subgraph at `/graphql`: every request's bearer token is verified here, in the subgraph. */
export async function startSubgraph<Context extends SubgraphContext>(options: StartSubgraphOptions<Context>): Promise<RunningSubgraph> {
  const { logger, verifier } = options;
  const gatewaySecrets = options.gatewaySecrets ?? [];
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The process owns shutdown (main.ts drains in order); Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger, () => currentRequest()?.requestId),
    // Tracing is OpenTelemetry's job; Apollo's inline traces are only for GraphOS.
    // Nothing reaches Apollo's servers, even with APOLLO_KEY set: no usage, schema or trace reports.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      graphqlMetricsPlugin<Context>(),
      inputGuardPlugin<Context>({ longTextInputs: options.longTextInputs ?? {} }),
      passwordChangePlugin<Context>(),
    ],
  });
  await apollo.start();
  const http: HttpServer = await startHttpServer<Context>({
    host: options.host,
    port: options.port,
    logger,
    readiness: options.readiness,
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    routes: options.routes ?? {},
    // Behind the gateway, like X-Forwarded-For below: the id the gateway issued follows the request.
    requestIds: 'upstream',
    graphql: {
      paths: ['/graphql'],
      apollo,
      ...(gatewaySecrets.length > 0
        ? {
            admit: (req: IncomingMessage, payload: string) => {
              const header = req.headers[GATEWAY_SIGNATURE_HEADER];
              const check = checkGatewaySignature(gatewaySecrets, typeof header === 'string' ? header : undefined, payload);
              if (check === 'valid') return undefined;
              logger.warn({ check, clientAddress: req.socket.remoteAddress }, 'request without a valid gateway signature refused');
              return new UnauthenticatedError('This service answers only requests that come through the gateway', {
                reason: 'GATEWAY_SIGNATURE_REQUIRED',
                signature: check,
              });
            },
          }
        : {}),
      context: async (req: IncomingMessage, requestId: string) => {
        // A password-change token is let in here and held to changePassword by the plugin above.
        const viewer = await verifier.viewerFrom(req.headers.authorization, { allowPasswordChange: true });
        // One trusted hop, the gateway: it replaces X-Forwarded-For with the client it identified.
        const clientAddress = clientAddressOf(req.headers['x-forwarded-for'], req.socket.remoteAddress, 1);
        return options.extendContext({ viewer, requestId, clientAddress, logger: logger.child({ requestId, userId: viewer.userId }) });
      },
    },
  });
  const removeMetricSources = processMetrics().addSources(options.name, options.metrics ?? {});
  logger.info({ url: `${http.url}/graphql` }, `${options.name} subgraph listening`);
  return {
    url: http.url,
    graphqlUrl: `${http.url}/graphql`,
    stop: async () => {
      removeMetricSources();
      await http.stop();
      await apollo.stop();
    },
  };
}
