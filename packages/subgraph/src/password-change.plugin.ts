import type { ApolloServerPlugin } from '@apollo/server';
import { PASSWORD_CHANGE_FIELDS, passwordChangeRequired, type Viewer } from '@kinerja/auth';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';

/**
 * A token issued for a password HR issued (claims.ts) reaches `changePassword` and nothing else:
 * any other root field, in any subgraph, is refused with FORBIDDEN / PASSWORD_CHANGE_REQUIRED
 * before anything runs. Status 200, so that the gateway relays the code instead of its own.
 */
export function passwordChangePlugin<Context extends { viewer: Viewer }>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!contextValue.viewer.passwordChangeOnly || !operation) return;
          if (rootFields(operation).every((name) => PASSWORD_CHANGE_FIELDS.has(name))) return;
          const error = passwordChangeRequired();
          throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 200 } } });
        },
      };
    },
  };
}

/** The operation's root field names (fragments count as asking for more: they are refused). */
function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections
    .map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : '*'))
    .filter((name) => name !== '__typename');
}
