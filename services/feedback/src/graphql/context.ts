import type { SubgraphContext } from '@kinerja/subgraph';
import DataLoader from 'dataloader';

import type { Actor } from '../application/actor';
import type { FeedbackReader } from '../application/feedback.reader';
import type { FeedbackNote } from '../domain/feedback-note';

/** Per-request batching: the lookups of one tick become one repository call. */
export interface FeedbackLoaders {
  feedbackNote: DataLoader<string, FeedbackNote | null>;
}

export interface FeedbackContext extends SubgraphContext {
  loaders: FeedbackLoaders;
}

export function createLoaders(reader: FeedbackReader, base: SubgraphContext): FeedbackLoaders {
  return { feedbackNote: new DataLoader((ids) => reader.visible(base.viewer, ids)) };
}

export const actorOf = (context: SubgraphContext): Actor => ({ viewer: context.viewer, requestId: context.requestId });
