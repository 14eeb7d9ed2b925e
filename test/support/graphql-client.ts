export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string; field?: string } }[];
}

/** A tiny GraphQL-over-HTTP client, the way a frontend talks to the graph. */
export async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

export const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresAt viewer { userId roles { role agencyId } employee { id name } } } }`;

export async function login(url: string, input: { email?: string; nip?: string; password?: string }): Promise<string> {
  const result = await graphql<{ login: { accessToken: string } }>(url, LOGIN, { input: { password: 'kinerja-demo', ...input } });
  if (!result.data?.login) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.accessToken;
}
