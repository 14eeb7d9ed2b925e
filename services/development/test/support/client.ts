import type { Viewer } from '@kinerja/auth';

import { graphql, type GraphQLResponse } from '../../../../test/support/graphql-client';
import type { DevelopmentHarness } from '../development-harness';

/** Sends an operation to the development subgraph as the given viewer (anonymous without one). */
export function asViewer(harness: DevelopmentHarness, viewer?: Viewer) {
  const token = viewer ? harness.tokens.tokenFor(viewer) : undefined;
  return <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
    graphql<T>(harness.url, query, variables, token);
}

export const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

export const today = () => new Date().toISOString().slice(0, 10);
