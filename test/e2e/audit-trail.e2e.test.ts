import { graphql, LOGIN, login } from '../support/graphql-client';
import { waitFor } from '../support/kafka';
import { type FederatedStack, ok, openPeriod, startFederatedStack, today } from './federated-stack';

const TRAIL = `query ($filter: AuditTrailFilterInput, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    edges { cursor node { service auditId occurredAt actorUserId requestId agencyId action entityType entityId before after } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Entry {
  service: string;
  auditId: string;
  occurredAt: string;
  actorUserId: string | null;
  requestId: string | null;
  agencyId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: Record<string, unknown> | null;
}
interface Trail {
  edges: { cursor: string; node: Entry }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * The audit trail is readable: every service's audit rows travel over Kafka (a trigger writes
 * them to each service's outbox) into identity's one trail, and the auditor's ONE query through
 * the gateway returns the changes made in identity and in performance, with who, when, before
 * and after; an agency's auditor sees only that agency.
 */
describe('the audit trail through the gateway', () => {
  let stack: FederatedStack;
  let hr: { token: string; userId: string };
  let agencyId: string;
  let otherAgencyId: string;
  let unitId: string;
  let periodId: string;

  beforeAll(async () => {
    stack = await startFederatedStack('audit');
    const hrLogin = await graphql<{ login: { accessToken: string; viewer: { userId: string } } }>(stack.url, LOGIN, {
      input: { email: 'hr.tanjungpinang@kinerja.demo', password: 'kinerja-demo' },
    });
    hr = { token: hrLogin.data!.login.accessToken, userId: hrLogin.data!.login.viewer.userId };
    const agencies = ok<{ id: string; code: string }[]>(
      await stack.gql(`{ agencies { id code } }`, {}, await login(stack.url, { email: 'admin@kinerja.demo' })),
      'agencies',
    );
    const me = ok<{ agency: { id: string } }>(
      await stack.gql(`{ me { agency { id } } }`, {}, await login(stack.url, { email: 'supervisor.tanjungpinang@kinerja.demo' })),
      'me',
    );
    agencyId = me.agency.id;
    otherAgencyId = agencies.find((a) => a.id !== agencyId && a.code !== 'PROV-DEMO')!.id;
    // One change in identity, one in performance, both by HR of the agency.
    unitId = ok<{ id: string }>(
      await stack.gql(
        `mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`,
        { input: { agencyId, code: 'AUDIT-1', name: 'Bagian Audit' } },
        hr.token,
      ),
      'createOrgUnit',
    ).id;
    periodId = (await openPeriod(stack, hr.token, agencyId, Number(today().slice(0, 4)))).id;
  }, 180_000);
  afterAll(() => stack?.stop());

  const trail = async (token: string, filter: Record<string, unknown>, first = 50, after?: string) =>
    stack.gql<{ auditTrail: Trail }>(TRAIL, { filter, first, ...(after ? { after } : {}) }, token);

  it('returns in one query the changes HR made in identity and in performance, with who, when, before and after', async () => {
    const auditor = await login(stack.url, { email: 'auditor@kinerja.demo' });
    const entries = await waitFor(
      async () => {
        const page = ok<Trail>(await trail(auditor, { agencyId, actorUserId: hr.userId }), 'auditTrail');
        const nodes = page.edges.map((edge) => edge.node);
        return nodes.some((n) => n.entityId === unitId) && nodes.some((n) => n.entityId === periodId) ? nodes : undefined;
      },
      60_000,
      'the org unit and the period in the audit trail',
    );
    const unit = entries.find((n) => n.entityId === unitId)!;
    expect(unit).toMatchObject({ service: 'IDENTITY', action: 'org-unit.created', entityType: 'OrgUnit', agencyId, actorUserId: hr.userId, before: null });
    expect(unit.after).toMatchObject({ id: unitId, code: 'AUDIT-1', name: 'Bagian Audit' });
    const period = entries.find((n) => n.entityId === periodId)!;
    expect(period).toMatchObject({
      service: 'PERFORMANCE',
      action: 'period.created',
      entityType: 'PerformancePeriod',
      agencyId,
      actorUserId: hr.userId,
      before: null,
    });
    for (const entry of [unit, period]) {
      expect(Date.now() - new Date(entry.occurredAt).getTime()).toBeLessThan(5 * 60_000);
      expect(entry.requestId).toEqual(expect.any(String));
    }
    // Newest first: the period was opened after the unit was created.
    expect(entries.indexOf(period)).toBeLessThan(entries.indexOf(unit));

    // Filtered by record, and paged one at a time without repeats.
    const byRecord = ok<Trail>(await trail(auditor, { entityType: 'OrgUnit', entityId: unitId }), 'auditTrail');
    expect(byRecord.edges.map((e) => e.node.auditId)).toEqual([unit.auditId]);
    const first = ok<Trail>(await trail(auditor, { agencyId, actorUserId: hr.userId }, 1), 'auditTrail');
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = ok<Trail>(await trail(auditor, { agencyId, actorUserId: hr.userId }, 1, first.pageInfo.endCursor!), 'auditTrail');
    expect(second.edges[0]!.node.auditId).not.toBe(first.edges[0]!.node.auditId);
    expect([first.edges[0]!.node.auditId, second.edges[0]!.node.auditId]).toEqual(entries.slice(0, 2).map((e) => e.auditId));
  }, 90_000);

  it("gives an agency's auditor that agency only, and nobody else the trail", async () => {
    const admin = await login(stack.url, { email: 'admin@kinerja.demo' });
    const staffLogin = await graphql<{ login: { viewer: { userId: string } } }>(stack.url, LOGIN, {
      input: { email: 'supervisor.tanjungpinang@kinerja.demo', password: 'kinerja-demo' },
    });
    const staffId = staffLogin.data!.login.viewer.userId;
    ok(
      await stack.gql(
        `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { role } }`,
        { input: { userId: staffId, role: 'AUDITOR', agencyId } },
        admin,
      ),
      'grantRole',
    );
    const agencyAuditor = await login(stack.url, { email: 'supervisor.tanjungpinang@kinerja.demo' });

    const mine = await waitFor(
      async () => {
        const page = ok<Trail>(await trail(agencyAuditor, {}, 100), 'auditTrail');
        return page.edges.some((e) => e.node.entityId === periodId) ? page : undefined;
      },
      60_000,
      "the agency's entries",
    );
    expect(new Set(mine.edges.map((e) => e.node.agencyId))).toEqual(new Set([agencyId]));
    const other = await trail(agencyAuditor, { agencyId: otherAgencyId });
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // The province admin reads every agency.
    const all = ok<Trail>(await trail(admin, { agencyId: otherAgencyId }, 1), 'auditTrail');
    expect(all.edges.every((e) => e.node.agencyId === otherAgencyId)).toBe(true);

    const hrAnswer = await trail(hr.token, {});
    expect(hrAnswer.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const anonymous = await trail('', {});
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const badCursor = await trail(admin, {}, 5, 'not-a-cursor');
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  }, 90_000);
});
