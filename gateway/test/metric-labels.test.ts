import { type EdgeGateway, post, startEdgeGateway } from './support/edge-gateway';

describe("the gateway's operation-name metric labels", () => {
  let gateway: EdgeGateway;
  beforeAll(async () => {
    gateway = await startEdgeGateway();
  });
  afterAll(() => gateway.stop());

  it('are cut to 64 characters, whatever name a client sends', async () => {
    const name = `Edge${'x'.repeat(5_000)}`;
    await post(gateway.url, { query: `query ${name} { __typename }` });
    const metrics = await (await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).text();
    const labels = [...metrics.matchAll(/operation_name="(Edge[^"]*)"/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(0);
    expect(new Set(labels)).toEqual(new Set([name.slice(0, 64)]));
  });
});
