import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

import { type ProcessMetrics, processMetrics } from './metrics';

export interface OperationNameLabels {
  /** Operation names come from clients: past this many distinct ones, the rest are counted as "other". */
  maxNames?: number;
  /** Longer names are cut to this many characters (and count as the name they are cut to). */
  maxLength?: number;
}

/**
 * Records each GraphQL operation's duration by name and type, and each error in the response by
 * its `extensions.code` (after the error formatter, so as the client sees it). For the gateway and
 * every subgraph alike.
 */
export function graphqlMetricsPlugin<Context extends BaseContext = BaseContext>(
  metrics: ProcessMetrics = processMetrics(),
  { maxNames = 200, maxLength = 64 }: OperationNameLabels = {},
): ApolloServerPlugin<Context> {
  const names = new Set<string>();
  const nameLabel = (full: string | undefined | null): string => {
    if (!full) return 'anonymous';
    const name = full.slice(0, maxLength);
    if (names.has(name)) return name;
    if (names.size >= maxNames) return 'other';
    names.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          // No operation: it did not parse or validate, or named one the document does not hold.
          metrics.graphqlOperationDuration.observe(
            { operation_name: operation ? nameLabel(operationName ?? operation.name?.value) : 'invalid', operation_type: operation?.operation ?? 'invalid' },
            seconds,
          );
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          for (const error of errors ?? []) {
            const code = error.extensions?.['code'];
            metrics.graphqlErrors.inc({ code: typeof code === 'string' ? code : 'UNKNOWN' });
          }
        },
      };
    },
  };
}
