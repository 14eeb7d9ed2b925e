import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from '@kinerja/logger';

import { EdgeError } from './edge-error';
import { documentHash } from './trusted-documents';

export type TrustedDocumentsMode = 'enforce' | 'allow' | 'off';

/** Printing a document costs a little; the same query text is hashed once (up to this many texts). */
const CACHED_TEXTS = 2_000;

/**
 * Trusted documents: with `enforce`, only the registered operations of the first-party clients
 * are served and any other is refused (OPERATION_NOT_TRUSTED) before it is planned; with `allow`,
 * every operation is served and an unregistered one is logged, to see what a client would lose
 * before turning enforcement on.
 */
export function trustedDocumentsPlugin<Context extends BaseContext>(
  mode: Exclude<TrustedDocumentsMode, 'off'>,
  trusted: ReadonlySet<string>,
  logger: Logger,
): ApolloServerPlugin<Context> {
  const hashes = new Map<string, string>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          const text = request.query ?? '';
          let hash = hashes.get(text);
          if (hash === undefined) {
            hash = documentHash(document);
            if (hashes.size >= CACHED_TEXTS) hashes.clear();
            hashes.set(text, hash);
          }
          if (trusted.has(hash)) return;
          if (mode === 'allow') {
            logger.warn({ operationName: operationName?.slice(0, 64), hash }, 'unregistered operation served (TRUSTED_DOCUMENTS=allow)');
            return;
          }
          throw new EdgeError('This operation is not one of the registered operations of the graph', 'OPERATION_NOT_TRUSTED', { hash });
        },
      };
    },
  };
}
