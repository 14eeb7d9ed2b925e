import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** One error of a GraphQL response: the stable code clients switch on, and the field it names if any. */
export interface GraphQLErrorEntry {
  message: string;
  code: string;
  field?: string;
  reason?: string;
}

/** A response with errors, or a failure to reach the graph (code NETWORK_ERROR). */
export class GraphQLRequestError extends Error {
  readonly errors: readonly GraphQLErrorEntry[];

  constructor(errors: readonly GraphQLErrorEntry[]) {
    super(errors.map((error) => `${error.code}: ${error.message}`).join('; '));
    this.name = 'GraphQLRequestError';
    this.errors = errors;
  }

  get code(): string {
    return this.errors[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }
}

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `/graphql` on the same origin. */
  url: string;
  /** The access token of the signed-in user, if any. */
  token?: () => string | undefined;
  /** Sent as Accept-Language: `id` (default of the graph) or `en`. */
  language?: () => string | undefined;
  fetch?: typeof fetch;
}

interface RawError {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown; reason?: unknown };
}

function entryOf(raw: RawError): GraphQLErrorEntry {
  const extensions = raw.extensions ?? {};
  return {
    message: typeof raw.message === 'string' ? raw.message : '',
    code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
    ...(typeof extensions.field === 'string' ? { field: extensions.field } : {}),
    ...(typeof extensions.reason === 'string' ? { reason: extensions.reason } : {}),
  };
}

export type Request = <TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string },
  variables: TVariables,
) => Promise<TResult>;

/** A request function whose result and variables are typed by the generated document. */
export function createClient(options: ClientOptions): Request {
  const send = options.fetch ?? fetch;
  return async function request<TResult, TVariables>(document: DocumentTypeDecoration<TResult, TVariables> & { toString(): string }, variables: TVariables) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = options.token?.();
    if (token) headers['authorization'] = `Bearer ${token}`;
    const language = options.language?.();
    if (language) headers['accept-language'] = language;
    let body: { data?: unknown; errors?: RawError[] };
    try {
      const response = await send(options.url, { method: 'POST', headers, body: JSON.stringify({ query: document.toString(), variables }) });
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new GraphQLRequestError([{ code: 'NETWORK_ERROR', message: error instanceof Error ? error.message : String(error) }]);
    }
    if (body.errors?.length) throw new GraphQLRequestError(body.errors.map(entryOf));
    return body.data as TResult;
  };
}
