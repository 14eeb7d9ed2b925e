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

  it.each([
    ['Agency', 'agency', 'name'],
    ['OrgUnit', 'orgUnit', 'name'],
    ['Position', 'position', 'title'],
    ['Employee', 'employee', 'nip'],
  ] as const)('resolves many %s references with one SQL statement', async (typename, table, field) => {
    const model = identity.service.prisma[table] as unknown as { findMany(args: object): Promise<Record<string, string>[]> };
    const rows = await model.findMany({ take: 100, orderBy: { id: 'asc' } });
    expect(rows.length).toBeGreaterThan(5);
    identity.queries.length = 0;
    const result = await graphql(identity.url, ENTITIES, { representations: rows.map((row) => ({ __typename: typename, id: row['id'] })) }, adminToken);
    const statements = identity.queries.filter((sql) => /^\s*SELECT/i.test(sql));
    expect(result.errors).toBeUndefined();
    expect((result.data?.['_entities'] as Record<string, string>[]).map((entity) => entity[field])).toEqual(rows.map((row) => row[field]));
    expect(statements).toHaveLength(1);
  });
});
