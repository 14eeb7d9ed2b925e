// @ts-check
// Prints each subgraph's SDL from its compiled module descriptor (the resolver list it serves)
// into <workspace>/schema.graphql (committed).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { repoRoot } from './lib/paths.mjs';
import { schemaPath, subgraphs } from './lib/subgraphs.mjs';

const require = createRequire(import.meta.url);
const { loadServiceModule, printServiceSchema } = require(join(repoRoot, 'packages', 'service-kit', 'dist', 'index.js'));
for (const entry of subgraphs()) {
  writeFileSync(schemaPath(entry), await printServiceSchema(loadServiceModule(repoRoot, entry)));
  process.stdout.write(`wrote ${schemaPath(entry)}\n`);
}
