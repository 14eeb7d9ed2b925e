// @ts-check
// npm run compose: the committed subgraph schemas → gateway/supergraph.graphql (committed; served in production).
import { writeFileSync } from 'node:fs';

import { composeSupergraph } from './lib/compose.mjs';
import { supergraphPath } from './lib/subgraphs.mjs';

writeFileSync(supergraphPath, composeSupergraph());
process.stdout.write(`wrote ${supergraphPath}\n`);
