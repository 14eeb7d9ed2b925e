import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';
import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { graphql } from '../../../test/support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { startTestTokens, type TestTokens } from '../../../test/support/tokens';
import { recruitmentModule, type RecruitmentService } from '../src/recruitment.module';
import { APPROVE, CREATE_SELECTION, employeeOf, hrOf, inDays, PROPOSE, provinceAdmin, PUBLIC_VACANCIES, PUBLISH } from './support';

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Vacancy { id agencyId title } } }`;

// The subgraph contract: every @key entity resolves through _entities, scoped to the viewer's agency.
describe('recruitment subgraph contract', () => {
  let database: TestDatabase;
  let tokens: TestTokens;
  let service: RecruitmentService;
  const transport = new InProcessTransport();
  const agencyA = randomUUID();
  const agencyB = randomUUID();
  const as = (viewer: Viewer | null) => async (query: string, variables: Record<string, unknown>) =>
    graphql(service.subgraph.graphqlUrl, query, variables, viewer ? tokens.tokenFor(viewer) : undefined);
  const data = <T>(response: { data?: Record<string, unknown> | null; errors?: unknown }, field: string): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data?.[field] as T;
  };

  beforeAll(async () => {
    database = await createTestDatabase('recruitment');
    tokens = await startTestTokens();
    const config = loadConfig(recruitmentModule.envSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', JWKS_URL: tokens.jwksUrl });
    service = await startService(recruitmentModule, config, createLogger({ name: 'recruitment', level: 'silent' }), { transport });
  });

  afterAll(async () => {
    await service?.stop();
    await transport.close();
    await tokens?.close();
    await database?.drop();
  });

  async function publishedVacancy(agencyId: string, title: string): Promise<string> {
    const hr = as(hrOf(agencyId));
    const formation = data<{ id: string }>(
      await hr(PROPOSE, {
        input: {
          agencyId,
          orgUnitId: randomUUID(),
          positionTitle: 'Pranata Komputer Ahli Pertama',
          need: 5,
          currentHolders: 3,
          quota: 2,
          justification: 'Beban kerja layanan digital naik dua kali lipat.',
        },
      }),
      'proposeFormation',
    );
    data(await as(provinceAdmin())(APPROVE, { input: { formationId: formation.id } }), 'approveFormation');
    const code = `CPNS-${randomUUID().slice(0, 6).toUpperCase()}`;
    const selection = data<{ id: string }>(
      await hr(CREATE_SELECTION, {
        input: { agencyId, code, name: 'CPNS 2027', year: 2027, registrationOpensAt: inDays(-1), registrationClosesAt: inDays(10) },
      }),
      'createSelection',
    );
    const input = {
      formationId: formation.id,
      selectionId: selection.id,
      title,
      education: 'S1 Informatika',
      minAge: 18,
      maxAge: 35,
      documents: ['Ijazah', 'Transkrip'],
    };
    return data<{ id: string }>(await hr(PUBLISH, { input }), 'publishVacancy').id;
  }

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
    expect(await service.prisma.formation.count({ where: { positionTitle: 'Analis' } })).toBe(0);
    const proposed = data<{ id: string }>(await as(hrOf(agencyA))(PROPOSE, { input: { ...input, quota: 1 } }), 'proposeFormation');
    const byHr = await as(hrOf(agencyA))(APPROVE, { input: { formationId: proposed.id } });
    expect(byHr.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
