import { join } from 'node:path';

import { booleanFromString, loadConfigOrExit, port } from '@kinerja/config';
import { z } from 'zod';

const limit = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

/** The gateway's variables; `SUBGRAPH_<NAME>_URL` come on top, one per subgraph (loadGatewayConfig). */
export const gatewayEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  PORT: port(4000),
  /** Serves /metrics on a port of its own (0 = any free port; the images set 9464); unset = on PORT. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The committed, composed supergraph the gateway serves. */
  SUPERGRAPH_PATH: z.string().default(join(__dirname, '..', 'supergraph.graphql')),
  /** The reference web app's bundle (`npm run build` writes it), served at /app/ beside GraphiQL outside production. */
  WEB_APP_DIR: z.string().default(join(__dirname, '..', '..', 'web', 'dist')),
  /**
   * Trusted documents: `enforce` serves only the operations registered in TRUSTED_DOCUMENTS_PATH (the
   * first-party clients'), `allow` serves all and logs the unregistered ones, `off` does not look.
   */
  TRUSTED_DOCUMENTS: z.enum(['enforce', 'allow', 'off']).default('off'),
  TRUSTED_DOCUMENTS_PATH: z.string().default(join(__dirname, '..', 'trusted-documents.json')),
  /**
   * Signs every subgraph request (at least 32 characters, the same as the subgraphs'): subgraphs
   * that hold it answer only signed requests. Required in production.
   */
  GATEWAY_SIGNING_SECRET: z.string().min(32).optional(),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** Identical subgraph queries of one signed-in caller in flight at once (same subgraph, query, variables and Authorization) are sent once; anonymous ones never. */
  SUBGRAPH_DEDUPLICATION: booleanFromString(true),
  /** Kept-alive sockets per subgraph. */
  SUBGRAPH_MAX_SOCKETS: z.coerce.number().int().min(1).max(10_000).default(128),
  /**
   * Proxies in front of the gateway that each append the address they saw to X-Forwarded-For (an
   * ingress controller: 1). 0 = the socket's peer is the client. Login throttling counts per the
   * client address found this way; too few hops counts every user on the proxy's address.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Largest request body; evidence documents (5 MiB, base64), applicants' documents and SKD exports pass through the gateway. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(8 * 1024 * 1024),
  /** Largest body of anything but an upload or an SKD import (UPLOAD_FIELDS), and of any request without a token (cut off while it streams). */
  MAX_OPERATION_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(64 * 1024),
  // Operation limits, checked before planning. The defaults are several times what the repository's
  // own operations need (gateway/test/real-operations.test.ts): depth 6, 12 aliases, cost about 7,000.
  MAX_QUERY_DEPTH: limit(12),
  MAX_ALIASES: limit(100),
  MAX_ROOT_FIELDS: limit(50),
  /** Lexical tokens of a document; parsing stops at the first one past this. */
  MAX_TOKENS: limit(5_000),
  /** Estimated cost: each field 1, its selection times its page size (`first`/`last`) or 10 for any other list. */
  MAX_COST: limit(25_000),
  /** Operations without a token, and public fields (login, verifyCertificate…), per client address: a token bucket. */
  ANONYMOUS_RATE_LIMIT_BURST: limit(120),
  /** Refill of the bucket per second; 0 turns the rate limit off. */
  ANONYMOUS_RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).max(100_000).default(10),
});

const SUBGRAPH_URL = /^SUBGRAPH_([A-Z]+)_URL$/;

export type GatewayConfig = z.output<typeof gatewayEnvSchema> & {
  /** `SUBGRAPH_<NAME>_URL` overrides of the URLs baked into the supergraph, by lower-case name. */
  subgraphUrls: Record<string, string>;
};

/** The only place the gateway reads process.env. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const schema = gatewayEnvSchema.extend(
    Object.fromEntries(
      Object.keys(env)
        .filter((key) => SUBGRAPH_URL.test(key))
        .map((key) => [key, z.url({ message: 'must be an http(s) URL' }).optional()]),
    ),
  );
  const parsed = loadConfigOrExit(schema, env, 'gateway') as z.output<typeof gatewayEnvSchema> & Record<string, unknown>;
  const subgraphUrls = Object.fromEntries(
    Object.entries(parsed)
      .filter(([key, value]) => SUBGRAPH_URL.test(key) && typeof value === 'string')
      .map(([key, value]) => [(SUBGRAPH_URL.exec(key)?.[1] ?? '').toLowerCase(), value as string]),
  );
  return { ...parsed, subgraphUrls };
}
