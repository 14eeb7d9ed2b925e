import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';
import { execute, parse } from 'graphql';

import { graphql } from '../support/graphql-client';
import { createTestDatabase } from '../support/postgres';
import { REPO_ROOT } from '../support/processes';
import { checkedServices, registry, serviceModules } from '../support/services';

const SERVICE_SDL = parse('{ _service { sdl } }');

/** What a subgraph built from the committed file answers to `_service { sdl }` (Apollo prints it in full). */
function sdlServedFrom(committed: string): string {
  const result = execute({ schema: buildSubgraphSchema({ typeDefs: parse(committed) }), document: SERVICE_SDL }) as { data?: { _service: { sdl: string } } };
  return result.data!._service.sdl;
}

// The committed schema.graphql is printed from the module's resolver list; this holds the running
// service to the same file, so a resolver wired but not listed (or the reverse) cannot slip by.
describe('the SDL each running service serves', () => {
  const entries = registry();
  const modules = serviceModules();

  const checked = checkedServices();
  it.each(entries.map((entry, i) => [entry.name, entry, modules[i]!] as const).filter(([name]) => checked(name)))(
    '%s serves exactly its committed schema.graphql',
    async (name, entry, module) => {
      const database = await createTestDatabase(`sdl_${name}`);
      const transport = new InProcessTransport();
      const config = loadConfig(module.envSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'silent' });
      const service = await startService(module, config, createLogger({ name, level: 'silent' }), { transport });
      try {
        const served = await graphql<{ _service: { sdl: string } }>(service.subgraph.graphqlUrl, '{ _service { sdl } }');
        expect(served.errors).toBeUndefined();
        expect(served.data?._service.sdl).toBe(sdlServedFrom(readFileSync(join(REPO_ROOT, entry.workspace, 'schema.graphql'), 'utf8')));
      } finally {
        await service.stop();
        await transport.close();
        await database.drop();
      }
    },
  );
});
