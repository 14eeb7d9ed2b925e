import { randomUUID } from 'node:crypto';

import { data, recruitmentForTests } from './support/harness';
import { APPROVE, PROPOSE, PUBLIC_VACANCIES } from './support/operations';
import { openVacancy } from './support/selection.fixture';
import { employeeOf, hrOf } from './support/viewers';

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Vacancy { id agencyId title } } }`;

// The subgraph contract: every @key entity resolves through _entities, scoped to the viewer's agency.
describe('recruitment subgraph contract', () => {
  const harness = recruitmentForTests('recruitment');
  const agencyA = randomUUID();
  const agencyB = randomUUID();
  const as = harness.as;
  const publishedVacancy = async (agencyId: string, title: string) => (await openVacancy(harness, hrOf(agencyId), { title })).vacancyId;

  it('resolves Vacancy by id for the agency and as unknown for another agency', async () => {
    const id = await publishedVacancy(agencyA, 'Pertama');
    const r = [{ __typename: 'Vacancy', id }];
    expect((await as(employeeOf(agencyA))(ENTITIES, { r })).data?.['_entities']).toEqual([{ id, agencyId: agencyA, title: 'Pertama' }]);
    expect((await as(employeeOf(agencyB))(ENTITIES, { r })).data?.['_entities']).toEqual([null]);
    expect((await as(null)(ENTITIES, { r })).data?.['_entities']).toEqual([null]);
  });

  it('lists published vacancies for anyone, page by page', async () => {
    const agency = randomUUID();
    const ids = [await publishedVacancy(agency, 'Satu'), await publishedVacancy(agency, 'Dua')];
    const first = data<{ nodes: { id: string }[]; hasNextPage: boolean; endCursor: string }>(
      await as(null)(PUBLIC_VACANCIES, { agencyId: agency, first: 1 }),
      'publicVacancies',
    );
    expect(first.hasNextPage).toBe(true);
    const second = data<{ nodes: { id: string }[]; hasNextPage: boolean }>(
      await as(null)(PUBLIC_VACANCIES, { agencyId: agency, first: 1, after: first.endCursor }),
      'publicVacancies',
    );
    expect([...first.nodes, ...second.nodes].map((v) => v.id)).toEqual([...ids].reverse());
    expect(second.hasNextPage).toBe(false);
  });

  it('answers a malformed or unknown id as not found, never as an internal error', async () => {
    const unknown = await as(hrOf(agencyA))(`query ($id: ID!) { vacancy(id: $id) { id } }`, { id: 'not-an-id' });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const entities = await as(hrOf(agencyA))(ENTITIES, { r: [{ __typename: 'Vacancy', id: 'not-an-id' }] });
    expect(entities.data?.['_entities']).toEqual([null]);
  });

  it('refuses a formation above the gap with the field, another agency with FORBIDDEN, and HR approving, storing nothing', async () => {
    const input = {
      agencyId: agencyA,
      orgUnitId: randomUUID(),
      positionTitle: 'Analis',
      need: 4,
      currentHolders: 3,
      quota: 2,
      justification: 'Kebutuhan analis kebijakan bertambah.',
    };
    const aboveGap = await as(hrOf(agencyA))(PROPOSE, { input });
    expect(aboveGap.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quota' });
    const foreign = await as(hrOf(agencyB))(PROPOSE, { input: { ...input, quota: 1 } });
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await harness.prisma.formation.count({ where: { positionTitle: 'Analis' } })).toBe(0);
    const proposed = data<{ id: string }>(await as(hrOf(agencyA))(PROPOSE, { input: { ...input, quota: 1 } }), 'proposeFormation');
    const byHr = await as(hrOf(agencyA))(APPROVE, { input: { formationId: proposed.id } });
    expect(byHr.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
