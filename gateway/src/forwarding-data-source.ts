import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';

export interface GatewayContext {
  authorization: string | undefined;
  requestId: string;
  clientAddress: string;
}

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** `max-age=60, private` as Apollo's data source reads it: directives by name, `true` for those without a value. */
function cacheControlOf(header: string | null): Record<string, string | true> {
  const directives: Record<string, string | true> = {};
  if (!header) return directives;
  for (const part of header.trim().split(/\s*,\s*/)) {
    const [name = '', value] = part.split(/\s*=\s*/, 2);
    directives[name] = value === undefined ? true : value.replace(/^"|"$/g, '');
  }
  return directives;
}

/**
 * A subgraph call: the caller's token, the request id and the client address (replacing any the
 * client sent) passed on, the rest as Apollo's RemoteGraphQLDataSource does it (the same body, the
 * same errors for an answer that is not 2xx, the subgraph's Cache-Control applied to the response's
 * policy), without the node-fetch Request and Headers it builds around every call (a few percent
 * of the gateway's CPU per public survey answer).
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { request, context } = options;
    const headers: Record<string, string> = {};
    if (request.http?.headers) for (const [name, value] of request.http.headers) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    if (context?.requestId) {
      if (context.authorization) headers['authorization'] = context.authorization;
      headers['x-request-id'] = context.requestId;
      headers['x-forwarded-for'] = context.clientAddress;
    }
    const { http: _http, query, ...rest } = request;
    if (!query) throw new Error('Missing query');
    // The query first, as Apollo sends it (the subgraph fetcher tells a query from a mutation by it).
    const response = await this.fetcher(this.url, { method: 'POST', headers, body: JSON.stringify({ query, ...rest }) });
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await this.parseBody(response);
    if (typeof body !== 'object' || body === null) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    const policy = 'incomingRequestContext' in options ? options.incomingRequestContext.overallCachePolicy : undefined;
    if (this.honorSubgraphCacheControlHeader && policy && 'restrict' in policy) {
      const directives = cacheControlOf(response.headers.get('cache-control'));
      const maxAge = directives['max-age'];
      policy.restrict({
        maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
        ...(directives['public'] === true ? { scope: 'PUBLIC' as const } : directives['private'] === true ? { scope: 'PRIVATE' as const } : {}),
      });
    }
    return { ...body, http: response } as SubgraphResponse;
  }
}
