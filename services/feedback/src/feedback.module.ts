import 'reflect-metadata';

import { join } from 'node:path';

import { defineService, type RunningService, type ServiceWiring } from '@kinerja/service-kit';

import { CreateFeedbackNote } from './application/create-feedback-note.command';
import { FeedbackReader } from './application/feedback.reader';
import { type FeedbackConfig, feedbackEnvSchema } from './env';
import { createLoaders, type FeedbackContext } from './graphql/context';
import { FeedbackNoteResolver } from './graphql/feedback-note.resolver';
import { createPrismaClient, type FeedbackPrisma } from './infrastructure/prisma-client';
import { PrismaFeedbackNoteRepository } from './infrastructure/prisma-feedback-note.repository';

export type FeedbackWiring = ServiceWiring<FeedbackContext>;

export const feedbackModule = defineService({
  name: 'feedback',
  defaultPort: 4003,
  envSchema: feedbackEnvSchema,
  migrationsDir: join(__dirname, '..', 'prisma', 'migrations'),
  consumerGroup: 'feedback',
  // The event types its handlers take; keep in step with `handlers` below and packages/events.
  consumes: [],
  resolvers: [FeedbackNoteResolver],
  createPrisma: createPrismaClient,

  // Adapters, then use cases, then resolvers and handlers.
  async wire({ prisma, ids, clock }): Promise<FeedbackWiring> {
    const records = new PrismaFeedbackNoteRepository(prisma);
    const reader = new FeedbackReader(records);
    return {
      resolvers: [new FeedbackNoteResolver(reader, new CreateFeedbackNote(records, ids, clock))],
      references: {
        FeedbackNote: (ref, context) => context.loaders.feedbackNote.load(ref.id),
      },
      handlers: {},
      extendContext: (base) => ({ ...base, loaders: createLoaders(reader, base) }),
    };
  },
});

export type FeedbackService = RunningService<FeedbackConfig, FeedbackPrisma, FeedbackWiring>;
