import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Parser } from '@asyncapi/parser';
import { buildAsyncApiDocument, EVENT_TYPES } from '@kinerja/events';

import { REPO_ROOT } from '../support/processes';

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
    ).toEqual([...EVENT_TYPES].sort());
  });
});
