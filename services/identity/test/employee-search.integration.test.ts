import { randomUUID } from 'node:crypto';

import { graphql, login } from '../../../test/support/graphql-client';
import type { Employee } from '../src/domain/employee';
import { employeeOfRow, type EmployeeRow } from '../src/infrastructure/employee-reads.sql';
import { type SearchKey, searchStatement, searchTermsStatement } from '../src/infrastructure/employee-search.sql';
import { type IdentityHarness, startIdentityOnPostgres } from './identity-harness';

const SEARCH = `query ($filter: EmployeeFilterInput, $first: Int, $after: String) {
  employees(filter: $filter, first: $first, after: $after) { edges { node { nip name } } pageInfo { hasNextPage endCursor } }
}`;

interface Page {
  edges: { node: { nip: string; name: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

// The employee list's searches and pages on a real PostgreSQL, with the statements they cost.
describe('identity employee search', () => {
  let identity: IdentityHarness;
  let hrToken: string;
  let agencyId: string;

  beforeAll(async () => {
    identity = await startIdentityOnPostgres('search');
    hrToken = await login(identity.url, { email: 'hr.sawahlunto@kinerja.demo' });
    agencyId = (await identity.service.prisma.agency.findUniqueOrThrow({ where: { code: 'KOTA-SAWAHLUNTO' } })).id;
    const unit = await identity.service.prisma.orgUnit.findFirstOrThrow({ where: { agencyId } });
    // 30 people whose names and NIPs the searches below can tell apart from the demo staff.
    await identity.service.prisma.employee.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        id: randomUUID(),
        agencyId,
        nip: `0000${String(i).padStart(14, '0')}`,
        name: `${i % 2 === 0 ? 'Zulkifli' : 'zulkarnain'} Cari_${String(i).padStart(2, '0')}`,
        employmentType: 'PNS' as const,
        orgUnitId: unit.id,
      })),
    });
  });
  afterAll(() => identity?.stop());

  async function allPages(search: string, first = 7): Promise<string[]> {
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const result: { data?: { employees: Page } | null; errors?: unknown } = await graphql<{ employees: Page }>(
        identity.url,
        SEARCH,
        { filter: { agencyId, search }, first, after },
        hrToken,
      );
      expect(result.errors).toBeUndefined();
      const connection: Page = result.data!.employees;
      names.push(...connection.edges.map((edge) => edge.node.name));
      if (!connection.pageInfo.hasNextPage) return names;
      after = connection.pageInfo.endCursor;
    }
    throw new Error('more pages than expected');
  }

  it('finds employees by NIP prefix, page by page in (name, id) order', async () => {
    const names = await allPages('00000000000000001');
    expect(names).toEqual(
      [
        'zulkarnain Cari_11',
        'zulkarnain Cari_13',
        'zulkarnain Cari_15',
        'zulkarnain Cari_17',
        'zulkarnain Cari_19',
        'Zulkifli Cari_10',
        'Zulkifli Cari_12',
        'Zulkifli Cari_14',
        'Zulkifli Cari_16',
        'Zulkifli Cari_18',
      ].sort(),
    );
    expect(await allPages('0000')).toHaveLength(30);
  });

  it('finds employees by part of the name, whatever the case, with LIKE wildcards taken literally', async () => {
    expect(await allPages('ZULK')).toHaveLength(30);
    expect(await allPages('karnain cari_0')).toEqual([
      'zulkarnain Cari_01',
      'zulkarnain Cari_03',
      'zulkarnain Cari_05',
      'zulkarnain Cari_07',
      'zulkarnain Cari_09',
    ]);
    expect(await allPages('Cari%')).toEqual([]);
  });

  it('counts only when totalCount is asked for', async () => {
    identity.queries.length = 0;
    const page = await graphql(identity.url, SEARCH, { filter: { agencyId }, first: 5 }, hrToken);
    expect(page.errors).toBeUndefined();
    expect(identity.queries.filter((sql) => /count\(/i.test(sql))).toHaveLength(0);
    const counted = await graphql<{ employees: { totalCount: number } }>(
      identity.url,
      `
        query ($filter: EmployeeFilterInput) {
          employees(filter: $filter, first: 5) {
            totalCount
          }
        }
      `,
      { filter: { agencyId, search: 'zulk' } },
      hrToken,
    );
    expect(counted.data?.employees.totalCount).toBe(30);
    expect(identity.queries.filter((sql) => /count\(\*\)::int/i.test(sql))).toHaveLength(1);
  });

  it('gives the same page whether the keys are walked, the matches sorted or the name index walked', async () => {
    const sql = identity.service.database.sql;
    const run = async (search: string, how: 'keys' | 'sorted' | 'walked', after?: Employee) => {
      const query = { agencyIds: [agencyId], search, first: 6, after: after && { name: after.name, id: after.id } };
      const termsStatement = how === 'keys' ? searchTermsStatement(query) : null;
      const terms = termsStatement ? await sql.query<SearchKey>(termsStatement.text, termsStatement.params) : null;
      const { text, params } = searchStatement(query, terms, { walkKeys: how === 'keys', sortLimit: how === 'walked' ? 3 : 1000 });
      expect(text.includes('employee_search_walk')).toBe(how === 'keys');
      return (await sql.query<EmployeeRow>(text, params)).map(employeeOfRow);
    };
    for (const search of ['zulk', 'ARNAIN cari_1', 'ifli Cari_2', '0000']) {
      const sorted = await run(search, 'sorted');
      expect(sorted.length).toBeGreaterThan(0);
      expect((await run(search, 'keys')).map((e) => e.nip)).toEqual(sorted.map((e) => e.nip));
      expect((await run(search, 'walked')).map((e) => e.nip)).toEqual(sorted.map((e) => e.nip));
      const next = sorted.at(-2);
      const after = (await run(search, 'sorted', next)).map((e) => e.nip);
      expect((await run(search, 'keys', next)).map((e) => e.nip)).toEqual(after);
      expect((await run(search, 'walked', next)).map((e) => e.nip)).toEqual(after);
    }
  });

  it('keeps the search keys of renamed, renumbered, transferred and deleted employees, and lists a person once', async () => {
    const unit = await identity.service.prisma.orgUnit.findFirstOrThrow({ where: { agencyId } });
    const other = await identity.service.prisma.agency.findFirstOrThrow({ where: { id: { not: agencyId } } });
    const otherUnit = await identity.service.prisma.orgUnit.findFirstOrThrow({ where: { agencyId: other.id } });
    const id = randomUUID();
    await identity.service.prisma.employee.create({
      data: { id, agencyId, nip: '777712345678901234', name: 'Wiranto Kumbang', employmentType: 'PNS', orgUnitId: unit.id },
    });
    expect(await allPages('kumbang')).toEqual(['Wiranto Kumbang']);
    await identity.service.prisma.employee.update({ where: { id }, data: { name: 'Wiranto Wirawan', nip: '888812345678901234' } });
    expect(await allPages('kumbang')).toEqual([]);
    // Both words hold "wira": one row all the same.
    expect(await allPages('wira')).toEqual(['Wiranto Wirawan']);
    expect(await allPages('7777')).toEqual([]);
    expect(await allPages('8888')).toEqual(['Wiranto Wirawan']);
    identity.queries.length = 0;
    await identity.service.prisma.employee.update({ where: { id }, data: { agencyId: other.id, orgUnitId: otherUnit.id } });
    expect(await allPages('wirawan')).toEqual([]);
    expect(await allPages('8888')).toEqual([]);
    expect(identity.queries.filter((sql) => sql.includes('employee_search_walk'))).toHaveLength(2);
    const keysOf = async () => (await identity.service.database.sql.query(`SELECT key FROM employee_search_key WHERE employee_id = $1::uuid`, [id])).length;
    expect(await keysOf()).toBeGreaterThan(0);
    await identity.service.prisma.employee.delete({ where: { id } });
    expect(await keysOf()).toBe(0);
  });
});
