import type { SubgraphContext } from '@kinerja/subgraph';
import DataLoader from 'dataloader';

import type { __Name__Reader } from '../application/__name__.reader';
import type { Actor } from '../application/actor';
import type { __Entity__ } from '../domain/__entity-kebab__';

/** Per-request batching: the lookups of one tick become one repository call. */
export interface __Name__Loaders {
  __entity__: DataLoader<string, __Entity__ | null>;
}

export interface __Name__Context extends SubgraphContext {
  loaders: __Name__Loaders;
}

export function createLoaders(reader: __Name__Reader, base: SubgraphContext): __Name__Loaders {
  return { __entity__: new DataLoader((ids) => reader.visible(base.viewer, ids)) };
}

export const actorOf = (context: SubgraphContext): Actor => ({ viewer: context.viewer, requestId: context.requestId });
