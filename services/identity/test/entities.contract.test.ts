import { graphql, login } from '../../../test/support/graphql-client';
import { type IdentityHarness, startIdentityOnPostgres } from './identity-harness';

// Subgraph contract: the gateway resolves identity's entities through `_entities` for every @key.
describe('identity subgraph contract (_entities)', () => {
  let identity: IdentityHarness;
  let adminToken: string;

  beforeAll(async () => {
    identity = await startIdentityOnPostgres('contract');
    adminToken = await login(identity.url, { email: 'admin@kinerja.demo' });
  });
  afterAll(() => identity?.stop());

  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Agency { id name } ... on OrgUnit { id name } ... on Position { id title } ... on Employee { id nip name } } }`;

  it.each([
    ['Agency', 'agency', 'name'],
    ['OrgUnit', 'orgUnit', 'name'],
    ['Position', 'position', 'title'],
    ['Employee', 'employee', 'name'],
  ] as const)('resolves %s by id', async (typename, table, field) => {
    const row = await (identity.service.prisma[table] as unknown as { findFirstOrThrow(): Promise<Record<string, string>> }).findFirstOrThrow();
    const result = await graphql(identity.url, ENTITIES, { representations: [{ __typename: typename, id: row['id'] }] }, adminToken);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toMatchObject([{ id: row['id'], [field]: row[field] }]);
  });

  it('answers null for an id that does not exist', async () => {
    const result = await graphql(
      identity.url,
      ENTITIES,
      { representations: [{ __typename: 'Employee', id: '00000000-0000-4000-8000-000000000000' }] },
      adminToken,
    );
    expect(result.data?.['_entities']).toEqual([null]);
  });

  it('resolves 100 employees with one SQL statement', async () => {
    const employees = await identity.service.prisma.employee.findMany({ take: 100, orderBy: { nip: 'asc' } });
    expect(employees).toHaveLength(100);
    identity.queries.length = 0;
    const result = await graphql(identity.url, ENTITIES, { representations: employees.map((e) => ({ __typename: 'Employee', id: e.id })) }, adminToken);
    const statements = identity.queries.filter((sql) => /^\s*SELECT/i.test(sql));
    expect(result.errors).toBeUndefined();
    expect((result.data?.['_entities'] as { nip: string }[]).map((e) => e.nip)).toEqual(employees.map((e) => e.nip));
    expect(statements).toHaveLength(1);
  });
});
