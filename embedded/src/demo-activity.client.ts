/*
 * The demo seeding's little GraphQL client: it talks to the gateway's public API only, the way
 * the web app does, with a token per signed-in demo account.
 */

const PASSWORD = 'kinerja-demo';
/** How long to wait for an event to reach another service (employee copies, assignments). */
const EVENT_WAIT_MS = 15_000;

interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string };
}

export class DemoActivityError extends Error {
  constructor(
    message: string,
    readonly errors: readonly GraphQLErrorEntry[] = [],
  ) {
    super(message);
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }

  get field(): string | undefined {
    return this.errors[0]?.extensions?.field;
  }
}

/** One mutation field of a batch. */
export interface Op {
  field: string;
  args: Record<string, [type: string, value: unknown]>;
  select: string;
}

export const op = (field: string, args: Op['args'], select: string): Op => ({ field, args, select });

export class Gateway {
  constructor(private readonly url: string) {}

  async request<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorEntry[] };
    if (body.errors?.length || !body.data) {
      const first = body.errors?.[0];
      const where = first?.path?.join('.') ?? query.replace(/\s+/g, ' ').slice(0, 80);
      throw new DemoActivityError(`${where}: ${first?.message ?? `HTTP ${response.status}`}`, body.errors ?? []);
    }
    return body.data;
  }

  /**
   * Several mutations in one operation (aliases m0, m1…), the way a form saves its rows: GraphQL
   * runs them one after the other, in order. With variables, one shape is one document, which the
   * gateway plans once.
   */
  async mutate<T = Record<string, unknown>>(token: string, ops: readonly Op[]): Promise<T[]> {
    if (ops.length === 0) return [];
    const declarations: string[] = [];
    const variables: Record<string, unknown> = {};
    const fields = ops.map((entry, k) => {
      const args = Object.entries(entry.args).map(([name, [type, value]]) => {
        declarations.push(`$${name}${k}: ${type}`);
        variables[`${name}${k}`] = value;
        return `${name}: $${name}${k}`;
      });
      return `m${k}: ${entry.field}(${args.join(', ')}) { ${entry.select} }`;
    });
    const data = await this.request<Record<string, T>>(`mutation (${declarations.join(', ')}) { ${fields.join(' ')} }`, variables, token);
    return ops.map((_, k) => data[`m${k}`] as T);
  }
}

export interface Session {
  token: string;
  /** The agency of the account's HR_ADMIN grant, if any. */
  agencyId: string;
}

export async function login(gateway: Gateway, identifier: { email: string } | { nip: string }): Promise<Session> {
  const data = await gateway.request<{ login: { accessToken: string; viewer: { roles: { role: string; agencyId: string | null }[] } } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { accessToken viewer { roles { role agencyId } } } }',
    { input: { ...identifier, password: PASSWORD } },
  );
  const hr = data.login.viewer.roles.find((grant) => grant.role === 'HR_ADMIN');
  return { token: data.login.accessToken, agencyId: hr?.agencyId ?? '' };
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | null>, timeoutMs = EVENT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 200)) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new DemoActivityError(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
