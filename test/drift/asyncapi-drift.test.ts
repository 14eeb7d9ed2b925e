import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Parser } from '@asyncapi/parser';
import { buildAsyncApiDocument, deadLetterTopicOf, EVENT_CATALOGUE, EVENT_TYPES, topicOf } from '@kinerja/events';

import { REPO_ROOT } from '../support/processes';
import { serviceModules } from '../support/services';

const committedPath = join(REPO_ROOT, 'packages', 'events', 'asyncapi.json');

// Other teams read the committed AsyncAPI document: it must be the catalogue, and valid.
describe('the AsyncAPI document of the event catalogue', () => {
  it('is what the catalogue says (run `npm run generate`)', () => {
    expect(JSON.parse(readFileSync(committedPath, 'utf8'))).toEqual(buildAsyncApiDocument());
  });

  it('is a valid AsyncAPI 3 document with a channel per event type', async () => {
    const { document, diagnostics } = await new Parser().parse(readFileSync(committedPath, 'utf8'));
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    expect(
      document
        ?.channels()
        .all()
        .map((channel) => channel.address())
        .sort(),
    ).toEqual(
      [...EVENT_TYPES, ...EVENT_TYPES.filter((type) => EVENT_CATALOGUE[type].consumers.length > 0).map((type) => deadLetterTopicOf(topicOf(type)))].sort(),
    );
  });

  it('names as consumers of each event exactly the services whose consumer handles it', () => {
    // What each module declares it consumes; the kit refuses to start a service whose handlers differ.
    const handled: Record<string, readonly string[]> = Object.fromEntries(serviceModules().map((module) => [module.name, module.consumes]));
    for (const type of EVENT_TYPES) {
      const consumers = Object.entries(handled)
        .filter(([, types]) => types.includes(type))
        .map(([service]) => service);
      expect({ type, consumers: [...EVENT_CATALOGUE[type].consumers].filter((service) => service in handled).sort() }).toEqual({
        type,
        consumers: consumers.sort(),
      });
    }
  });
});
