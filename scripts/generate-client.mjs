// @ts-check
// npm run generate:client: packages/client/src/generated/graphql.ts from the committed supergraph and the client's documents.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { documentProblems, generateClientSource, generatedPath } from './lib/client-codegen.mjs';

const problems = documentProblems();
if (problems.length > 0) {
  process.stderr.write(`The client's documents do not fit the supergraph:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
  process.exit(1);
}
mkdirSync(dirname(generatedPath), { recursive: true });
writeFileSync(generatedPath, await generateClientSource());
process.stdout.write(`wrote ${generatedPath}\n`);
