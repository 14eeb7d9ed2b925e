// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './paths.mjs';

/** @typedef {{ name: string; port: number; workspace: string }} SubgraphEntry */

/** @returns {SubgraphEntry[]} */
export function subgraphs() {
  return JSON.parse(readFileSync(join(repoRoot, 'gateway', 'subgraphs.json'), 'utf8')).subgraphs;
}

export const schemaPath = (/** @type {SubgraphEntry} */ entry) => join(repoRoot, entry.workspace, 'schema.graphql');
export const supergraphPath = join(repoRoot, 'gateway', 'supergraph.graphql');
export const localUrl = (/** @type {SubgraphEntry} */ entry) => `http://127.0.0.1:${entry.port}/graphql`;
