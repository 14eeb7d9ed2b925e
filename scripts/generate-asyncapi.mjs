// @ts-check
// Writes the AsyncAPI 3 document of the event catalogue (committed; a drift test compares it).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { repoRoot } from './lib/paths.mjs';

const require = createRequire(import.meta.url);
const { buildAsyncApiDocument } = require(join(repoRoot, 'packages', 'events', 'dist', 'index.js'));
const target = join(repoRoot, 'packages', 'events', 'asyncapi.json');
writeFileSync(target, `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
