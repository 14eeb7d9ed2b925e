import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport } from '@kinerja/messaging';
import { type RunningService, startService } from '@kinerja/service-kit';
import { type GraphQLField, type GraphQLInputType, isEnumType, isNonNullType, isScalarType, parse } from 'graphql';

import { graphql, login } from '../support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { REPO_ROOT } from '../support/processes';
import { registry, serviceModules } from '../support/services';
import { startTestTokens, type TestTokens } from '../support/tokens';

const CODED = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT'];

/** A value for a required scalar argument: a malformed id for every ID, something plain otherwise. */
function argumentValue(type: GraphQLInputType): string | null {
  const named = isNonNullType(type) ? type.ofType : type;
  if (isScalarType(named)) return { ID: '"not-an-id"', String: '"x"', Int: '2026', Float: '1', Boolean: 'true' }[named.name] ?? null;
  if (isEnumType(named)) return named.getValues()[0]?.name ?? null;
  return null;
}

/** Every root field whose required arguments are scalars, at least one of them an ID, called with malformed ids. */
function operationsOf(sdl: string): string[] {
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl) });
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {})
      .filter((field: GraphQLField<unknown, unknown>) => !field.name.startsWith('_'))
      .flatMap((field) => {
        const required = field.args.filter((arg) => isNonNullType(arg.type));
        if (!required.some((arg) => argumentValue(arg.type) === '"not-an-id"')) return [];
        const values = required.map((arg) => [arg.name, argumentValue(arg.type)] as const);
        if (values.some(([, value]) => value === null)) return [];
        return [`${kind} { ${field.name}(${values.map(([name, value]) => `${name}: ${value}`).join(', ')}) { __typename } }`];
      }),
  );
}

// A malformed id names nothing that exists: every service answers it with a coded error (NOT_FOUND,
// or BAD_USER_INPUT with the field) or as the empty answer it is (a list of an agency that does not
// exist), never INTERNAL_SERVER_ERROR from the database.
describe('malformed ids, in every service', () => {
  const entries = registry();
  const modules = serviceModules();

  it.each(entries.map((entry, i) => [entry.name, entry, modules[i]!] as const))('%s never answers one with an internal error', async (name, entry, module) => {
    const database: TestDatabase = await createTestDatabase(`ids_${name}`);
    const tokens: TestTokens = await startTestTokens();
    const transport = new InProcessTransport();
    const config = loadConfig(module.envSchema, {
      DATABASE_URL: database.url,
      PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      JWKS_URL: tokens.jwksUrl,
      SEED_DEMO_DATA: 'auto',
    });
    const service: RunningService = await startService(module, config, createLogger({ name, level: 'silent' }), { transport });
    try {
      await module.seed?.(service, createLogger({ name, level: 'silent' }));
      const url = service.subgraph.graphqlUrl;
      const token =
        name === 'identity'
          ? await login(url, { email: 'admin@kinerja.demo' })
          : tokens.tokenFor({ userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'PROVINCE_ADMIN', agencyId: null }] });
      const operations = operationsOf(readFileSync(join(REPO_ROOT, entry.workspace, 'schema.graphql'), 'utf8'));
      expect(operations.length).toBeGreaterThan(0);
      const answers = await Promise.all(operations.map(async (operation) => ({ operation, result: await graphql(url, operation, {}, token) })));
      const uncoded = answers
        .filter(({ result }) => (result.errors ?? []).some((error) => !CODED.includes(String(error.extensions?.['code']))))
        .map(({ operation, result }) => `${operation} → ${JSON.stringify(result.errors?.map((error) => error.extensions?.['code']))}`);
      expect(uncoded).toEqual([]);
    } finally {
      await service.stop();
      await transport.close();
      await tokens.close();
      await database.drop();
    }
  });
});
