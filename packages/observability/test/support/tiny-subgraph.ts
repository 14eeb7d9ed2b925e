import 'reflect-metadata';

import { ANONYMOUS } from '@kinerja/auth';
import { ForbiddenError } from '@kinerja/errors';
import type { Logger } from '@kinerja/logger';
import type { ServiceMetricSources } from '@kinerja/observability';
import { buildFederatedSchema, type RunningSubgraph, startSubgraph, type SubgraphContext } from '@kinerja/subgraph';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';

@Resolver()
class GreetingResolver {
  @Query(() => String)
  hello(@Arg('name', () => String) name: string, @Ctx() context: SubgraphContext): string {
    context.logger.info({ name }, 'greeting');
    return `Halo, ${name}`;
  }

  @Query(() => String)
  secret(): string {
    throw new ForbiddenError();
  }
}

/** A real subgraph server (the platform's startSubgraph) with one query that logs and one that fails. */
export async function startTinySubgraph(options: { name?: string; logger: Logger; metrics?: ServiceMetricSources }): Promise<RunningSubgraph> {
  const { schema } = await buildFederatedSchema<SubgraphContext>({ resolvers: [new GreetingResolver()], references: {} });
  return startSubgraph<SubgraphContext>({
    name: options.name ?? 'tiny',
    schema,
    host: '127.0.0.1',
    port: 0,
    logger: options.logger,
    verifier: { viewerFrom: async () => ANONYMOUS },
    extendContext: (base) => base,
    readiness: async () => ({ ok: true }),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
}

export async function graphql(
  url: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}
