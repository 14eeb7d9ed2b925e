import type { SubgraphContext } from '@kinerja/subgraph';
import DataLoader from 'dataloader';

import type { Actor } from '../application/actor';
import type { RecruitmentReader } from '../application/recruitment.reader';
import type { Vacancy } from '../domain/vacancy';

/** Per-request batching: the lookups of one tick become one repository call. */
export interface RecruitmentLoaders {
  vacancy: DataLoader<string, Vacancy | null>;
}

export interface RecruitmentContext extends SubgraphContext {
  loaders: RecruitmentLoaders;
}

export function createLoaders(reader: RecruitmentReader, base: SubgraphContext): RecruitmentLoaders {
  return { vacancy: new DataLoader((ids) => reader.visible(base.viewer, ids)) };
}

export const actorOf = (context: SubgraphContext): Actor => ({ viewer: context.viewer, requestId: context.requestId });
