import { gatewayEnvSchema } from '../src/env';
import { codeOf, type EdgeGateway, post, SIGNED_IN, startEdgeGateway } from './support/edge-gateway';
import { realOperations } from './support/real-operations';

const EDGE_CODES = ['OPERATION_TOO_COMPLEX', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED'];

describe('operation limits at the gateway, before planning', () => {
  let gateway: EdgeGateway;
  beforeAll(async () => {
    gateway = await startEdgeGateway();
  });
  afterAll(() => gateway.stop());
  beforeEach(() => (gateway.subgraphCalls.length = 0));

  const defaults = gatewayEnvSchema.parse({});
  /** Depth levels + 2 (me, the supervisors, name). */
  const deep = (levels: number) => `{ me { ${'supervisor { '.repeat(levels)}name${' }'.repeat(levels)} } }`;
  const aliases = (n: number) => `{ me { ${Array.from({ length: n }, (_, k) => `a${k}: name`).join(' ')} } }`;
  const rootFields = (n: number) => `{ ${Array.from({ length: n }, (_, k) => `c${k}: me { id }`).join(' ')} }`;

  it.each([
    ['depth', deep(defaults.MAX_QUERY_DEPTH - 1), defaults.MAX_QUERY_DEPTH, defaults.MAX_QUERY_DEPTH + 1],
    ['aliases', aliases(defaults.MAX_ALIASES + 1), defaults.MAX_ALIASES, defaults.MAX_ALIASES + 1],
    ['rootFields', rootFields(defaults.MAX_ROOT_FIELDS + 1), defaults.MAX_ROOT_FIELDS, defaults.MAX_ROOT_FIELDS + 1],
    ['cost', '{ employees(first: 100000) { edges { node { name } } } }', defaults.MAX_COST, 1 + 100_000 * 3],
  ])('refuses an operation over the %s limit with 400 OPERATION_TOO_COMPLEX, and calls no subgraph', async (limit, query, max, measured) => {
    const answer = await post(gateway.url, { query }, SIGNED_IN);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_TOO_COMPLEX', limit, max, measured });
    expect(gateway.subgraphCalls).toEqual([]);
  });

  it("measures a document whose page size is a variable with each request's variables (the measures of a document are kept)", async () => {
    const query = 'query ($n: Int!) { employees(first: $n) { edges { node { name } } } }';
    for (const [n, refused] of [
      [10, false],
      [100_000, true],
      [10, false],
      [100_000, true],
    ] as const) {
      const answer = await post(gateway.url, { query, variables: { n } }, SIGNED_IN);
      expect(codeOf(answer) === 'OPERATION_TOO_COMPLEX').toBe(refused);
    }
  });

  it('stops reading a document at the token limit, with the same code', async () => {
    const query = `{ me { ${'name '.repeat(defaults.MAX_TOKENS)}} }`;
    const answer = await post(gateway.url, { query }, SIGNED_IN);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'OPERATION_TOO_COMPLEX', limit: 'tokens', max: defaults.MAX_TOKENS });
    expect(gateway.subgraphCalls).toEqual([]);
  });

  it('refuses the thousands of verifyCertificate aliases of one anonymous request', async () => {
    const query = `{ ${Array.from({ length: 5_000 }, (_, k) => `v${k}: verifyCertificate(number: "KNJ/${k}") { valid }`).join(' ')} }`;
    const answer = await post(gateway.url, { query });
    expect([400, 413]).toContain(answer.status);
    expect(['OPERATION_TOO_COMPLEX', 'PAYLOAD_TOO_LARGE']).toContain(codeOf(answer));
    expect(gateway.subgraphCalls).toEqual([]);
  });

  it('lets an operation just within every limit through to the subgraphs', async () => {
    const answer = await post(gateway.url, { query: deep(defaults.MAX_QUERY_DEPTH - 2) }, SIGNED_IN);
    expect(EDGE_CODES).not.toContain(codeOf(answer));
    expect(gateway.subgraphCalls.length).toBeGreaterThan(0);
  });

  it("lets every real operation of the repository through (README, e2e tests, benchmarks, the demo seeding's largest batches)", async () => {
    const operations = await realOperations();
    expect(operations.length).toBeGreaterThan(60);
    const refused: string[] = [];
    for (const operation of operations) {
      // Without their variables most are refused later, by execution (BAD_USER_INPUT): past the edge.
      const answer = await post(gateway.url, { query: operation.query, variables: operation.variables ?? {} }, SIGNED_IN);
      if (EDGE_CODES.includes(codeOf(answer) as string)) refused.push(`${operation.origin}: ${JSON.stringify(answer.body.errors?.[0])}`);
    }
    expect(refused).toEqual([]);
  });
});
