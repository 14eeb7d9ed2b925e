import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';
import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { graphql } from '../../../test/support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { startTestTokens, type TestTokens } from '../../../test/support/tokens';
import { feedbackModule, type FeedbackService } from '../src/feedback.module';

const CREATE = `mutation ($input: CreateFeedbackNoteInput!) { createFeedbackNote(input: $input) { id agencyId title } }`;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on FeedbackNote { id agencyId title } } }`;

const hrOf = (agencyId: string): Viewer => ({ userId: randomUUID(), employeeId: randomUUID(), agencyId, grants: [{ role: 'HR_ADMIN', agencyId }] });
const employeeOf = (agencyId: string): Viewer => ({ userId: randomUUID(), employeeId: randomUUID(), agencyId, grants: [] });

// The subgraph contract: every @key entity resolves through _entities, scoped to the viewer's agency.
describe('feedback subgraph contract', () => {
  let database: TestDatabase;
  let tokens: TestTokens;
  let service: FeedbackService;
  const transport = new InProcessTransport();
  const agencyA = randomUUID();
  const agencyB = randomUUID();
  const as = (viewer: Viewer | null) => (query: string, variables: Record<string, unknown>) =>
    graphql(service.subgraph.graphqlUrl, query, variables, viewer ? tokens.tokenFor(viewer) : undefined);

  beforeAll(async () => {
    database = await createTestDatabase('feedback');
    tokens = await startTestTokens();
    const config = loadConfig(feedbackModule.envSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', JWKS_URL: tokens.jwksUrl });
    service = await startService(feedbackModule, config, createLogger({ name: 'feedback', level: 'silent' }), { transport });
  });

  afterAll(async () => {
    await service?.stop();
    await transport.close();
    await tokens?.close();
    await database?.drop();
  });

  it('resolves FeedbackNote by id for the agency and as unknown for another agency', async () => {
    const created = await as(hrOf(agencyA))(CREATE, { input: { agencyId: agencyA, title: 'Pertama' } });
    expect(created.errors).toBeUndefined();
    const id = (created.data?.['createFeedbackNote'] as { id: string }).id;
    const r = [{ __typename: 'FeedbackNote', id }];

    expect((await as(employeeOf(agencyA))(ENTITIES, { r })).data?.['_entities']).toEqual([{ id, agencyId: agencyA, title: 'Pertama' }]);
    expect((await as(employeeOf(agencyB))(ENTITIES, { r })).data?.['_entities']).toEqual([null]);
    expect((await as(null)(ENTITIES, { r })).data?.['_entities']).toEqual([null]);
  });

  it('answers a malformed or unknown id as not found, never as an internal error', async () => {
    const unknown = await as(hrOf(agencyA))(`query ($id: ID!) { feedbackNote(id: $id) { id } }`, { id: 'not-an-id' });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const entities = await as(hrOf(agencyA))(ENTITIES, { r: [{ __typename: 'FeedbackNote', id: 'not-an-id' }] });
    expect(entities.data?.['_entities']).toEqual([null]);
  });

  it('refuses bad input with the field, and another agency with FORBIDDEN, storing nothing', async () => {
    const blank = await as(hrOf(agencyA))(CREATE, { input: { agencyId: agencyA, title: '  ' } });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const foreign = await as(hrOf(agencyB))(CREATE, { input: { agencyId: agencyA, title: 'Bukan milikku' } });
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await service.prisma.feedbackNote.count({ where: { title: { in: ['  ', 'Bukan milikku'] } } })).toBe(0);
  });
});
