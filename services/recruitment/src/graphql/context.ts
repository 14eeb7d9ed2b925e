import type { SubgraphContext } from '@kinerja/subgraph';
import DataLoader from 'dataloader';

import type { Actor } from '../application/actor';
import type { ApplicationDocumentReader } from '../application/application-document.reader';
import type { RecruitmentReader } from '../application/recruitment.reader';
import type { ApplicationDocument } from '../domain/application-document';
import type { Vacancy } from '../domain/vacancy';

/** Per-request batching: the lookups of one tick become one repository call. */
export interface RecruitmentLoaders {
  vacancy: DataLoader<string, Vacancy | null>;
  /** The documents of applications the request has already been allowed to read. */
  documents: DataLoader<string, ApplicationDocument[]>;
}

export interface RecruitmentContext extends SubgraphContext {
  loaders: RecruitmentLoaders;
}

export function createLoaders(reader: RecruitmentReader, documents: ApplicationDocumentReader, base: SubgraphContext): RecruitmentLoaders {
  return { vacancy: new DataLoader((ids) => reader.visible(base.viewer, ids)), documents: new DataLoader((ids) => documents.ofApplications(ids)) };
}

export const actorOf = (context: SubgraphContext): Actor => ({ viewer: context.viewer, requestId: context.requestId });
