import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLErrorOptions, type GraphQLFormattedError } from 'graphql';

/** The codes the gateway's edge refuses with, before any subgraph is called. */
export type EdgeCode = 'OPERATION_TOO_COMPLEX' | 'PAYLOAD_TOO_LARGE' | 'RATE_LIMITED' | 'OPERATION_NOT_TRUSTED';

const STATUS: Record<EdgeCode, number> = { OPERATION_TOO_COMPLEX: 400, PAYLOAD_TOO_LARGE: 413, RATE_LIMITED: 429, OPERATION_NOT_TRUSTED: 400 };

/** A refusal at the edge: its code and details in `extensions`, its HTTP status (and headers) for Apollo Server. */
export class EdgeError extends GraphQLError {
  constructor(message: string, code: EdgeCode, details: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    // Apollo Server takes the status and headers from `extensions.http` (a HeaderMap) and removes it from
    // the response; graphql-yoga's typings (through GraphiQL) declare those headers a plain record.
    const http = { status: STATUS[code], headers: new HeaderMap(Object.entries(headers)) };
    super(message, { extensions: { code, ...details, http } as unknown as GraphQLErrorOptions['extensions'] });
  }
}

type Formatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** graphql-js's message when `parse` stops at its `maxTokens` (16.x spells it "more that"). */
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

/**
 * The gateway's error formatter: its own refusals keep their code and details, and graphql-js's
 * token limit (a syntax error to Apollo) becomes the same OPERATION_TOO_COMPLEX as the other limits;
 * everything else goes to the shared formatter.
 */
export function formatEdgeErrors(inner: Formatter): Formatter {
  return (formatted, error) => {
    const code = formatted.extensions?.['code'];
    if (code === 'OPERATION_TOO_COMPLEX' || code === 'PAYLOAD_TOO_LARGE' || code === 'RATE_LIMITED' || code === 'OPERATION_NOT_TRUSTED') {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message, extensions };
    }
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
    if (tokens) {
      const max = Number(tokens[1]);
      return { message: `The operation has more than ${max} tokens`, extensions: { code: 'OPERATION_TOO_COMPLEX', limit: 'tokens', max } };
    }
    return inner(formatted, error);
  };
}
