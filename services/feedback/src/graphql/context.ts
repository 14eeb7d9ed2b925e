import type { SubgraphContext } from '@kinerja/subgraph';
import DataLoader from 'dataloader';

import type { Actor } from '../application/actor';
import type { DialogueReader } from '../application/dialogue.reader';
import type { CycleView, FeedbackCycleReader } from '../application/feedback-cycle.reader';
import type { FeedbackNoteReader } from '../application/feedback-note.reader';
import type { SatisfactionReader, SatisfactionView } from '../application/satisfaction.reader';
import type { PerformanceDialogue } from '../domain/dialogue';
import type { FeedbackNote } from '../domain/feedback-note';
import type { OpenRequest } from '../domain/repositories';

/** Per-request batching: the lookups of one tick become one repository call. */
export interface FeedbackLoaders {
  feedbackNote: DataLoader<string, FeedbackNote | null>;
  feedbackNotesOf: DataLoader<string, FeedbackNote[] | null>;
  dialogue: DataLoader<string, PerformanceDialogue | null>;
  dialoguesOf: DataLoader<string, PerformanceDialogue[] | null>;
  feedbackCycle: DataLoader<string, CycleView | null>;
  openRequestsOf: DataLoader<string, OpenRequest[] | null>;
  /** Keyed `orgUnitId|period`. */
  satisfaction: DataLoader<string, SatisfactionView | null>;
}

export interface FeedbackContext extends SubgraphContext {
  loaders: FeedbackLoaders;
}

export interface FeedbackReaders {
  notes: FeedbackNoteReader;
  dialogues: DialogueReader;
  cycles: FeedbackCycleReader;
  satisfaction: SatisfactionReader;
}

export function createLoaders(readers: FeedbackReaders, base: SubgraphContext): FeedbackLoaders {
  const { viewer } = base;
  return {
    feedbackNote: new DataLoader((ids) => readers.notes.visible(viewer, ids)),
    feedbackNotesOf: new DataLoader((ids) => readers.notes.ofEmployees(viewer, ids)),
    dialogue: new DataLoader((ids) => readers.dialogues.visible(viewer, ids)),
    dialoguesOf: new DataLoader((ids) => readers.dialogues.ofEmployees(viewer, ids)),
    feedbackCycle: new DataLoader((ids) => readers.cycles.visible(viewer, ids)),
    openRequestsOf: new DataLoader((ids) => readers.cycles.openRequestsOf(viewer, ids)),
    satisfaction: new DataLoader((keys) => readers.satisfaction.satisfactionOf(keys)),
  };
}

export const actorOf = (context: SubgraphContext): Actor => ({ viewer: context.viewer, requestId: context.requestId });
