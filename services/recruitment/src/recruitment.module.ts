import 'reflect-metadata';

import { join } from 'node:path';

import { defineService, type RunningService, type ServiceWiring } from '@kinerja/service-kit';

import { CreateVacancy } from './application/create-vacancy.command';
import { RecruitmentReader } from './application/recruitment.reader';
import { type RecruitmentConfig, recruitmentEnvSchema } from './env';
import { createLoaders, type RecruitmentContext } from './graphql/context';
import { VacancyResolver } from './graphql/vacancy.resolver';
import { createPrismaClient, type RecruitmentPrisma } from './infrastructure/prisma-client';
import { PrismaVacancyRepository } from './infrastructure/prisma-vacancy.repository';

export type RecruitmentWiring = ServiceWiring<RecruitmentContext>;

export const recruitmentModule = defineService({
  name: 'recruitment',
  defaultPort: 4005,
  envSchema: recruitmentEnvSchema,
  migrationsDir: join(__dirname, '..', 'prisma', 'migrations'),
  consumerGroup: 'recruitment',
  // The event types its handlers take; keep in step with `handlers` below and packages/events.
  consumes: [],
  resolvers: [VacancyResolver],
  createPrisma: createPrismaClient,

  // Adapters, then use cases, then resolvers and handlers.
  async wire({ prisma, ids, clock }): Promise<RecruitmentWiring> {
    const records = new PrismaVacancyRepository(prisma);
    const reader = new RecruitmentReader(records);
    return {
      resolvers: [new VacancyResolver(reader, new CreateVacancy(records, ids, clock))],
      references: {
        Vacancy: (ref, context) => context.loaders.vacancy.load(ref.id),
      },
      handlers: {},
      extendContext: (base) => ({ ...base, loaders: createLoaders(reader, base) }),
    };
  },
});

export type RecruitmentService = RunningService<RecruitmentConfig, RecruitmentPrisma, RecruitmentWiring>;
