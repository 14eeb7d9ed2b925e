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
 * The gateway likewise: gateway/src/env.ts exports `gatewayEnvSchema` (SUBGRAPH_<NAME>_URL, one per
 * subgraph, come on top of it).
 *
 * An explicit list only for OpenTelemetry's standard variables, read by @kinerja/observability's
 * register (packages/observability/src/env.ts) before any env.ts runs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './tools';

export const OTEL_ENV: readonly string[] = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME', 'OTEL_SDK_DISABLED'];

/** The gateway's variable for a subgraph's URL (gateway/src/env.ts: /^SUBGRAPH_([A-Z]+)_URL$/). */
export const subgraphUrlVariable = (subgraph: string) => `SUBGRAPH_${subgraph.toUpperCase()}_URL`;

interface EnvSchema {
  shape: Record<string, unknown>;
  parse(input: unknown): Record<string, unknown>;
}

const isEnvSchema = (value: unknown): value is EnvSchema =>
  typeof value === 'object' && value !== null && typeof (value as EnvSchema).shape === 'object' && typeof (value as EnvSchema).parse === 'function';

const schemas = new Map<string, EnvSchema>();

/** The one `*EnvSchema` a process's env.ts (path relative to the repository) exports. */
function exportedEnvSchema(path: string): EnvSchema {
  const cached = schemas.get(path);
  if (cached) return cached;
  const file = join(repoRoot, path);
  if (!existsSync(file)) throw new Error(`${path} does not exist: every process declares the variables it reads there`);
  const exported = jest.requireActual<Record<string, unknown>>(file);
  const found = Object.entries(exported).filter(([key, value]) => key.endsWith('EnvSchema') && isEnvSchema(value));
  const schema = found[0]?.[1];
  if (found.length !== 1 || !isEnvSchema(schema)) {
    throw new Error(`${path}: expected exactly one exported z.object(...) named *EnvSchema, found ${found.length}`);
  }
  schemas.set(path, schema);
  return schema;
}

/** The `<name>EnvSchema` that services/<name>/src/env.ts exports. */
const envSchema = (service: string): EnvSchema => exportedEnvSchema(join('services', service, 'src', 'env.ts'));

/** The keys of a process's zod env schema: `gateway`, or a subgraph's name. Without OpenTelemetry's. */
export function envSchemaKeys(process: string): string[] {
  const schema = process === 'gateway' ? exportedEnvSchema(join('gateway', 'src', 'env.ts')) : envSchema(process);
  return Object.keys(schema.shape);
}

/** The values a process (`gateway`, or a subgraph's name) uses when a variable is unset. */
export function envDefaults(process: string): Record<string, unknown> {
  return (process === 'gateway' ? exportedEnvSchema(join('gateway', 'src', 'env.ts')) : envSchema(process)).parse({});
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

/** gateway/src/env.ts `gatewayEnvSchema`, plus OpenTelemetry's; SUBGRAPH_<NAME>_URL per subgraph are added by the checks. */
export const GATEWAY_ENV: ReadonlySet<string> = new Set([...envSchemaKeys('gateway'), ...OTEL_ENV]);
