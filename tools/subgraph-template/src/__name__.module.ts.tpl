import 'reflect-metadata';

import { join } from 'node:path';

import { defineService, type RunningService, type ServiceWiring } from '@kinerja/service-kit';

import { __Name__Reader } from './application/__name__.reader';
import { Create__Entity__ } from './application/create-__entity-kebab__.command';
import { type __Name__Config, __name__EnvSchema } from './env';
import { __Entity__Resolver } from './graphql/__entity-kebab__.resolver';
import { type __Name__Context, createLoaders } from './graphql/context';
import { createPrismaClient, type __Name__Prisma } from './infrastructure/prisma-client';
import { Prisma__Entity__Repository } from './infrastructure/prisma-__entity-kebab__.repository';

export type __Name__Wiring = ServiceWiring<__Name__Context>;

export const __name__Module = defineService({
  name: '__name__',
  defaultPort: __port__,
  envSchema: __name__EnvSchema,
  migrationsDir: join(__dirname, '..', 'prisma', 'migrations'),
  consumerGroup: '__name__',
  // The event types its handlers take; keep in step with `handlers` below and packages/events.
  consumes: [],
  resolvers: [__Entity__Resolver],
  createPrisma: createPrismaClient,

  // Adapters, then use cases, then resolvers and handlers.
  async wire({ prisma, ids, clock }): Promise<__Name__Wiring> {
    const records = new Prisma__Entity__Repository(prisma);
    const reader = new __Name__Reader(records);
    return {
      resolvers: [new __Entity__Resolver(reader, new Create__Entity__(records, ids, clock))],
      references: {
        __Entity__: (ref, context) => context.loaders.__entity__.load(ref.id),
      },
      handlers: {},
      extendContext: (base) => ({ ...base, loaders: createLoaders(reader, base) }),
    };
  },
});

export type __Name__Service = RunningService<__Name__Config, __Name__Prisma, __Name__Wiring>;
