// @ts-check
// Prints each subgraph's SDL from its compiled code into <workspace>/schema.graphql (committed).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { repoRoot } from './lib/paths.mjs';
import { schemaPath, subgraphs } from './lib/subgraphs.mjs';

const require = createRequire(import.meta.url);
for (const entry of subgraphs()) {
  const module = require(join(repoRoot, entry.workspace, 'dist', 'schema.js'));
  const printer = Object.values(module).find((value) => typeof value === 'function' && /^print\w+Schema$/.test(value.name));
  if (!printer) throw new Error(`${entry.workspace}/src/schema.ts exports no print…Schema function`);
  writeFileSync(schemaPath(entry), await printer());
  process.stdout.write(`wrote ${schemaPath(entry)}\n`);
}
