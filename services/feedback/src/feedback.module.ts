import 'reflect-metadata';

import { join } from 'node:path';

import type { Clock, IdGenerator } from '@kinerja/kernel';
import type { HandlerMap } from '@kinerja/messaging';
import { defineService, type RunningService, type ServiceWiring } from '@kinerja/service-kit';

import { CreateFeedbackNote } from './application/create-feedback-note.command';
import { FeedbackReader } from './application/feedback.reader';
import { feedbackHandlers } from './application/handlers/feedback-handlers';
import { type FeedbackConfig, feedbackEnvSchema } from './env';
import { createLoaders, type FeedbackContext } from './graphql/context';
import { FeedbackNoteResolver } from './graphql/feedback-note.resolver';
import { createPrismaClient, type FeedbackPrisma } from './infrastructure/prisma-client';
import { CONSUMER, PrismaEventStore } from './infrastructure/prisma-event.store';
import { PrismaFeedbackNoteRepository } from './infrastructure/prisma-feedback-note.repository';

export type FeedbackWiring = ServiceWiring<FeedbackContext>;

/** The event handlers over the database; `notifyOutbox` wakes the relay when a handler published. */
export function feedbackEventHandlers(prisma: FeedbackPrisma, deps: { ids: IdGenerator; clock: Clock; notifyOutbox?: () => void }): HandlerMap {
  return feedbackHandlers({ events: new PrismaEventStore(prisma, deps.notifyOutbox ?? (() => undefined)), ids: deps.ids, clock: deps.clock });
}

export const feedbackModule = defineService({
  name: 'feedback',
  defaultPort: 4003,
  envSchema: feedbackEnvSchema,
  migrationsDir: join(__dirname, '..', 'prisma', 'migrations'),
  consumerGroup: CONSUMER,
  // The event types its handlers take; keep in step with `handlers` below and packages/events.
  consumes: ['identity.employee.registered', 'identity.employee.transferred', 'identity.employee.left', 'identity.employee.snapshot'],
  resolvers: [FeedbackNoteResolver],
  createPrisma: createPrismaClient,

  // Adapters, then use cases, then resolvers and handlers.
  async wire({ prisma, ids, clock, notifyOutbox }): Promise<FeedbackWiring> {
    const records = new PrismaFeedbackNoteRepository(prisma);
    const reader = new FeedbackReader(records);
    return {
      resolvers: [new FeedbackNoteResolver(reader, new CreateFeedbackNote(records, ids, clock))],
      references: {
        FeedbackNote: (ref, context) => context.loaders.feedbackNote.load(ref.id),
      },
      handlers: feedbackEventHandlers(prisma, { ids, clock, notifyOutbox }),
      extendContext: (base) => ({ ...base, loaders: createLoaders(reader, base) }),
    };
  },
});

export type FeedbackService = RunningService<FeedbackConfig, FeedbackPrisma, FeedbackWiring>;
