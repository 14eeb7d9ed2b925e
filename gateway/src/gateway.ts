import { readFileSync } from 'node:fs';

import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createErrorFormatter, errorLanguageOf, localizeError } from '@kinerja/errors';
import { clientAddressOf, currentRequest, type HttpServer, startHttpServer } from '@kinerja/http-server';
import type { Logger } from '@kinerja/logger';
import { graphqlMetricsPlugin } from '@kinerja/observability';

import { formatEdgeErrors } from './edge-error';
import { edgeLimitsPlugin } from './edge-limits.plugin';
import type { GatewayConfig } from './env';
import { FIRST_PAGE_TABS } from './first-page';
import { ForwardingDataSource, type GatewayContext } from './forwarding-data-source';
import { subgraphFetcher } from './subgraph-fetcher';
import { TokenBuckets } from './token-bucket';
import { readTrustedDocuments } from './trusted-documents';
import { trustedDocumentsPlugin } from './trusted-documents.plugin';
import { webAppRoutes } from './web-app.route';

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  if (config.NODE_ENV === 'production' && !config.GATEWAY_SIGNING_SECRET) {
    throw new Error('GATEWAY_SIGNING_SECRET is required in production: subgraphs there answer only requests the gateway signed');
  }
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  // Unless this variable is set, ApolloGateway's constructor starts exporting usage metrics to
  // Apollo every minute and probes the cloud providers' metadata endpoints; it reads nothing else,
  // so it is set here, whoever starts the gateway (its process, npm start, tests), not only in images.
  process.env['APOLLO_TELEMETRY_DISABLED'] = '1';
  const fetcher = subgraphFetcher({
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    deduplicate: config.SUBGRAPH_DEDUPLICATION,
    maxSockets: config.SUBGRAPH_MAX_SOCKETS,
    signingSecret: config.GATEWAY_SIGNING_SECRET,
  });
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => new ForwardingDataSource({ url: config.subgraphUrls[name] ?? url, fetcher }),
  });
  // GraphiQL and introspection are for development (npm start, tests); production serves neither.
  const explorable = config.NODE_ENV !== 'production';
  const formatErrorAtEdge = formatEdgeErrors(createErrorFormatter(logger, () => currentRequest()?.requestId));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: explorable,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown; Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
    // Lexing stops at the first token past the limit, before a syntax tree is built.
    parseOptions: { maxTokens: config.MAX_TOKENS },
    // Error messages in the caller's Accept-Language (Indonesian by default); the codes stay the same.
    formatError: (formatted, error) => localizeError(formatErrorAtEdge(formatted, error), errorLanguageOf(currentRequest()?.acceptLanguage)),
    // Nothing about the graph or its traffic leaves the province, even with APOLLO_KEY set.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      graphqlMetricsPlugin<GatewayContext>(),
      ...(config.TRUSTED_DOCUMENTS === 'off'
        ? []
        : [trustedDocumentsPlugin<GatewayContext>(config.TRUSTED_DOCUMENTS, readTrustedDocuments(config.TRUSTED_DOCUMENTS_PATH), logger)]),
      edgeLimitsPlugin<GatewayContext>({
        limits: { maxDepth: config.MAX_QUERY_DEPTH, maxAliases: config.MAX_ALIASES, maxRootFields: config.MAX_ROOT_FIELDS, maxCost: config.MAX_COST },
        operationBodyBytes: config.MAX_OPERATION_BODY_BYTES,
        anonymousBuckets:
          config.ANONYMOUS_RATE_LIMIT_PER_SECOND > 0 ? new TokenBuckets(config.ANONYMOUS_RATE_LIMIT_BURST, config.ANONYMOUS_RATE_LIMIT_PER_SECOND) : undefined,
      }),
    ],
  });
  await apollo.start();
  const graphiql = explorable
    ? renderGraphiQL({ endpoint: '/graphql', title: 'Kinerja — GraphiQL', defaultTabs: FIRST_PAGE_TABS } as Parameters<typeof renderGraphiQL>[0])
    : undefined;
  const http: HttpServer = await startHttpServer<GatewayContext>({
    host: config.HOST,
    port: config.PORT,
    logger,
    readiness: async () => ({ supergraph: true }),
    // A request without a token is cut off at the small limit while it streams; one with a token may
    // carry an evidence upload, and anything else it sends is held to the small limit once parsed.
    maxBodyBytes: (req) => (req.headers.authorization ? config.MAX_BODY_BYTES : Math.min(config.MAX_OPERATION_BODY_BYTES, config.MAX_BODY_BYTES)),
    routes: graphiql
      ? {
          '/': (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end(graphiql);
          },
          ...webAppRoutes(config.WEB_APP_DIR),
        }
      : {},
    graphql: {
      paths: ['/', '/graphql'],
      apollo,
      context: async (req, requestId) => ({
        authorization: req.headers.authorization,
        requestId,
        clientAddress: clientAddressOf(req.headers['x-forwarded-for'], req.socket.remoteAddress, config.TRUSTED_PROXY_HOPS),
      }),
    },
  });
  logger.info({ url: http.url }, 'gateway listening');
  return {
    url: http.url,
    stop: async () => {
      await http.stop();
      await apollo.stop();
    },
  };
}
