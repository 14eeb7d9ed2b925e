/**
 * The environment contract: which variables each process reads, so the deploy files set nothing else
 * (a variable no process reads is a typo or a leftover that someone will trust).
 *
 * Subgraphs: read from the code, not listed here. `services/<name>/src/env.ts` is the only place a
 * service reads process.env, and it exports its zod object schema as `<name>EnvSchema` (the service's
 * own keys plus `commonServiceEnv` from packages/config). The keys of that schema's shape are the
 * contract, so a variable added to or dropped from env.ts changes what compose, k8s/ and the chart may
 * set without an edit here. Its defaults (e.g. PORT) are read the same way.
 *
 * Explicit lists, because the code offers no schema to read:
 *   - OpenTelemetry's standard variables, read by the OpenTelemetry SDK rather than by env.ts;
 *   - the gateway: gateway/src/env.ts does not export its schema (SUBGRAPH_<NAME>_URL come on top).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './tools';

export const OTEL_ENV: readonly string[] = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME'];

/** gateway/src/env.ts `base`, plus OpenTelemetry's; SUBGRAPH_<NAME>_URL per subgraph are added by the checks. */
export const GATEWAY_ENV: ReadonlySet<string> = new Set(['NODE_ENV', 'PORT', 'HOST', 'LOG_LEVEL', 'SUPERGRAPH_PATH', 'SUBGRAPH_TIMEOUT_MS', ...OTEL_ENV]);

/** The gateway's variable for a subgraph's URL (gateway/src/env.ts: /^SUBGRAPH_([A-Z]+)_URL$/). */
export const subgraphUrlVariable = (subgraph: string) => `SUBGRAPH_${subgraph.toUpperCase()}_URL`;

interface EnvSchema {
  shape: Record<string, unknown>;
  parse(input: unknown): Record<string, unknown>;
}

const isEnvSchema = (value: unknown): value is EnvSchema =>
  typeof value === 'object' && value !== null && typeof (value as EnvSchema).shape === 'object' && typeof (value as EnvSchema).parse === 'function';

const schemas = new Map<string, EnvSchema>();

/** The `<name>EnvSchema` that services/<name>/src/env.ts exports. */
function envSchema(service: string): EnvSchema {
  const cached = schemas.get(service);
  if (cached) return cached;
  const file = join(repoRoot, 'services', service, 'src', 'env.ts');
  if (!existsSync(file)) throw new Error(`services/${service}/src/env.ts does not exist: every subgraph declares the variables it reads there`);
  const exported = jest.requireActual<Record<string, unknown>>(file);
  const found = Object.entries(exported).filter(([key, value]) => key.endsWith('EnvSchema') && isEnvSchema(value));
  const schema = found[0]?.[1];
  if (found.length !== 1 || !isEnvSchema(schema)) {
    throw new Error(`services/${service}/src/env.ts: expected exactly one exported z.object(...) named *EnvSchema, found ${found.length}`);
  }
  schemas.set(service, schema);
  return schema;
}

/** Every variable a subgraph process (or its migration, which loads the same config) may be given. */
export function subgraphEnv(service: string): ReadonlySet<string> {
  return new Set([...Object.keys(envSchema(service).shape), ...OTEL_ENV]);
}

/** The values a subgraph uses when a variable is unset (its env.ts defaults). */
export function subgraphEnvDefaults(service: string): Record<string, unknown> {
  return envSchema(service).parse({});
}

/** The services under services/ (a folder with a package.json), sorted. */
export function workspaceSubgraphs(): string[] {
  return readdirSync(join(repoRoot, 'services'))
    .filter((name) => existsSync(join(repoRoot, 'services', name, 'package.json')))
    .sort();
}
