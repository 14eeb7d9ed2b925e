import { createLogger } from '@kinerja/logger';

import { loadGatewayConfig } from '../../gateway/src/env';
import { type RunningGateway, startGateway } from '../../gateway/src/gateway';
import { type IdentityHarness, startIdentityOnPostgres } from '../../services/identity/test/identity-harness';
import { LOGIN } from '../support/graphql-client';
import { waitFor } from '../support/kafka';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Request ids are the server's: the gateway issues one for every response, whatever the client
// sends, and passes it on to the subgraphs, whose audit rows (and logs) carry it.
describe('request ids issued by the server', () => {
  let identity: IdentityHarness;
  let gateway: RunningGateway;
  let base: string;

  beforeAll(async () => {
    identity = await startIdentityOnPostgres('reqid');
    gateway = await startGateway(loadGatewayConfig({ PORT: '0', SUBGRAPH_IDENTITY_URL: identity.url }), createLogger({ name: 'gateway', level: 'silent' }));
    base = gateway.url;
  });
  afterAll(async () => {
    await gateway?.stop();
    await identity?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers every response with an id of its own, keeping the one the client sent apart as client-request-id', async () => {
    const chosen = await post({ query: '{ __typename }' }, { 'x-request-id': 'audit-me-as-someone-else' });
    expect(chosen.headers.get('x-request-id')).toMatch(UUID);
    expect(chosen.headers.get('client-request-id')).toBe('audit-me-as-someone-else');
    const plain = await post({ query: '{ __typename }' });
    expect(plain.headers.get('x-request-id')).toMatch(UUID);
    expect(plain.headers.get('x-request-id')).not.toBe(chosen.headers.get('x-request-id'));
    expect(plain.headers.get('client-request-id')).toBeNull();
    // Not only GraphQL answers: health and unknown paths carry one too.
    for (const path of ['/healthz', '/nowhere']) expect((await fetch(`${base}${path}`)).headers.get('x-request-id')).toMatch(UUID);
  });

  it("passes the gateway's id on to the subgraph, which audits the change under it", async () => {
    const response = await post(
      { query: LOGIN, variables: { input: { email: 'hr.siulak@kinerja.demo', password: 'kinerja-demo' } } },
      { 'x-request-id': 'forged-request-id' },
    );
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(UUID);
    const body = (await response.json()) as { data: { login: { viewer: { userId: string } } } };
    const row = await waitFor(
      () =>
        identity.service.prisma.auditLog
          .findFirst({ where: { action: 'login.succeeded', entityId: body.data.login.viewer.userId } })
          .then((r) => r ?? undefined),
      10_000,
      'the audited login',
    );
    expect(row.requestId).toBe(requestId);
    expect(await identity.service.prisma.auditLog.count({ where: { requestId: 'forged-request-id' } })).toBe(0);
  });
});
