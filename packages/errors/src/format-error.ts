import type { GraphQLFormattedError } from 'graphql';

import { clientErrorFromDatabase } from './database-error';
import { DomainError, type ErrorCode, type ValidationError } from './domain-error';

interface ErrorLogger {
  error(object: object, message: string): void;
}

/** Codes Apollo and graphql-js raise themselves for malformed operations; safe to pass through. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function extensionsFor(error: DomainError): Record<string, unknown> {
  const code: ErrorCode = error.code;
  switch (code) {
    case 'BAD_USER_INPUT': {
      const problems = (error as ValidationError).problems ?? [];
      return { code, field: problems[0]?.field, problems, ...error.details };
    }
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return { code, ...error.details };
    default: {
      const unreachable: never = code;
      return { code: unreachable };
    }
  }
}

function findDomainError(error: unknown): DomainError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    if (current instanceof DomainError) return current;
    const fromDatabase = clientErrorFromDatabase(current);
    if (fromDatabase) return fromDatabase;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * One mapping from errors to what clients see: domain errors keep their code and field details,
 * and so do database errors a client's input caused (database-error.ts);
 * protocol errors pass through; everything else is logged with the request id and masked.
 */
export function createErrorFormatter(logger: ErrorLogger, requestIdOf: () => string | undefined = () => undefined) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const domain = findDomainError(error);
    if (domain) {
      return { message: domain.message, locations: formatted.locations, path: formatted.path, extensions: extensionsFor(domain) };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && PROTOCOL_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // A subgraph's already formatted error arriving through the gateway keeps its stable code.
    if (typeof code === 'string' && ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'].includes(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = requestIdOf();
    logger.error({ err: error, requestId, path: formatted.path }, 'unexpected error');
    return {
      message: `Internal server error (request id ${requestId ?? 'unknown'})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
