// @ts-check
import { readFileSync } from 'node:fs';

import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

import { localUrl, schemaPath, subgraphs } from './subgraphs.mjs';

/** Composes the committed subgraph schemas into the supergraph SDL; throws with every composition error. */
export function composeSupergraph() {
  const result = composeServices(
    subgraphs().map((entry) => ({ name: entry.name, url: localUrl(entry), typeDefs: parse(readFileSync(schemaPath(entry), 'utf8')) })),
  );
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  return result.supergraphSdl;
}
