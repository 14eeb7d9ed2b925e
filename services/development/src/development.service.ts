import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { createTokenVerifier } from '@kinerja/auth';
import { applyMigrations, type Database, openDatabase } from '@kinerja/database';
import type { Logger } from '@kinerja/logger';
import { EventConsumer, type HandlerMap, OutboxRelay, type Transport } from '@kinerja/messaging';
import { buildFederatedSchema, type RunningSubgraph, startSubgraph } from '@kinerja/subgraph';

import { AddProgramToDevelopmentPlan } from './application/add-program-to-development-plan.command';
import { AddTrainingSession } from './application/add-training-session.command';
import { AssignTraining } from './application/assign-training.command';
import { CancelTrainingAssignment } from './application/cancel-training-assignment.command';
import { CertificateReader } from './application/certificate.reader';
import { ChooseProgramForAssignment } from './application/choose-program-for-assignment.command';
import { ClearGapProgrammeMapping } from './application/clear-gap-programme-mapping.command';
import { CreateTrainingProgram } from './application/create-training-program.command';
import { DevelopmentReader } from './application/development.reader';
import { DevelopmentPlanReader } from './application/development-plan.reader';
import { GapMappingReader } from './application/gap-mapping.reader';
import { developmentHandlers } from './application/handlers/development-handlers';
import { LearningHoursReader } from './application/learning-hours.reader';
import { PrepareDevelopmentPlan } from './application/prepare-development-plan.command';
import { RecordTrainingCompletion } from './application/record-training-completion.command';
import { SetGapProgrammeMapping } from './application/set-gap-programme-mapping.command';
import { StartTraining } from './application/start-training.command';
import type { DevelopmentConfig } from './env';
import { CERTIFICATE_PDF_PREFIX, CertificateResolver } from './graphql/certificate.resolver';
import { CompetencyResolver } from './graphql/competency.resolver';
import { createLoaders, type DevelopmentContext } from './graphql/context';
import { DevelopmentPlanResolver, PlannedProgramResolver } from './graphql/development-plan.resolver';
import { EmployeeDevelopmentResolver } from './graphql/employee.resolver';
import { GapMappingResolver } from './graphql/gap-mapping.resolver';
import { LearningHoursResolver } from './graphql/learning-hours.resolver';
import { TrainingAssignmentResolver } from './graphql/training-assignment.resolver';
import { TrainingProgramResolver } from './graphql/training-program.resolver';
import { TrainingSessionResolver } from './graphql/training-session.resolver';
import { certificatePdfRoute, withPrefixRoute } from './infrastructure/certificate-pdf.route';
import { PrismaAssignmentRepository } from './infrastructure/prisma-assignment.repository';
import { PrismaCatalogueRepository } from './infrastructure/prisma-catalogue.repository';
import { createPrismaClient, type DevelopmentPrisma } from './infrastructure/prisma-client';
import { PrismaDevelopmentPlanRepository } from './infrastructure/prisma-development-plan.repository';
import { PrismaEmployeeCopyRepository } from './infrastructure/prisma-employee-copy.repository';
import { CONSUMER, PrismaEventStore } from './infrastructure/prisma-event.store';
import { PrismaGapMappingRepository } from './infrastructure/prisma-gap-mapping.repository';
import { PrismaTrainingRecordRepository } from './infrastructure/prisma-training-record.repository';
import { ORPHANED_TYPES } from './schema';

export const MIGRATIONS_DIR = join(__dirname, '..', 'prisma', 'migrations');

export interface DevelopmentService {
  subgraph: RunningSubgraph;
  database: Database;
  prisma: DevelopmentPrisma;
  relay: OutboxRelay;
  consumer: EventConsumer;
  stop(): Promise<void>;
}

export interface DevelopmentDependencies {
  /** Kafka, or the in-process bus of the embedded mode; the caller owns (and closes) it. */
  transport: Transport;
  /** Every SQL statement Prisma sends, for tests that count round trips. */
  onQuery?: (sql: string) => void;
}

const clock = { now: () => new Date() };
const ids = { newId: () => randomUUID() };

/** The event handlers over the database; `afterOutboxCommit` wakes the relay when a handler published. */
export function developmentEventHandlers(prisma: DevelopmentPrisma, afterOutboxCommit: () => void = () => undefined): HandlerMap {
  return developmentHandlers({ events: new PrismaEventStore(prisma, afterOutboxCommit), ids, clock });
}

/** Builds the subgraph on an open database: adapters, then use cases, then resolvers. */
export async function buildDevelopmentSchema(prisma: DevelopmentPrisma, afterOutboxCommit: () => void = () => undefined) {
  const catalogue = new PrismaCatalogueRepository(prisma);
  const employees = new PrismaEmployeeCopyRepository(prisma);
  const assignments = new PrismaAssignmentRepository(prisma, afterOutboxCommit);
  const records = new PrismaTrainingRecordRepository(prisma);
  const plans = new PrismaDevelopmentPlanRepository(prisma);
  const gapMappings = new PrismaGapMappingRepository(prisma);
  const reader = new DevelopmentReader(catalogue, employees, assignments, records);
  const learningHours = new LearningHoursReader(records);
  const certificates = new CertificateReader(records);
  const readers = { reader, learningHours, plans: new DevelopmentPlanReader(plans) };

  const { schema, sdl } = await buildFederatedSchema<DevelopmentContext>({
    resolvers: [
      new CompetencyResolver(reader),
      new TrainingProgramResolver(reader, new CreateTrainingProgram(catalogue, ids), new AddTrainingSession(catalogue, ids)),
      new TrainingSessionResolver(),
      new TrainingAssignmentResolver(
        reader,
        new AssignTraining(employees, catalogue, assignments, ids, clock),
        new StartTraining(employees, assignments),
        new CancelTrainingAssignment(assignments),
        new ChooseProgramForAssignment(employees, catalogue, assignments, clock),
        new RecordTrainingCompletion(employees, catalogue, assignments, ids, clock),
      ),
      new EmployeeDevelopmentResolver(),
      new LearningHoursResolver(learningHours),
      new CertificateResolver(certificates),
      new DevelopmentPlanResolver(new PrepareDevelopmentPlan(records, plans, ids), new AddProgramToDevelopmentPlan(employees, catalogue, plans)),
      new PlannedProgramResolver(),
      new GapMappingResolver(
        new GapMappingReader(catalogue, gapMappings),
        new SetGapProgrammeMapping(catalogue, gapMappings),
        new ClearGapProgrammeMapping(catalogue, gapMappings),
      ),
    ],
    orphanedTypes: ORPHANED_TYPES,
    references: {
      // identity owns the employee; each field added here checks access itself.
      Employee: (ref) => ({ id: ref.id }),
      TrainingProgram: (ref, context) => context.loaders.programme.load(ref.id),
    },
  });
  return { schema, sdl, readers, certificates };
}

/**
 * Starts development on its database: migrations, then adapters, use cases and resolvers, the
 * outbox relay and the event consumer, then the HTTP server. `stop()` undoes it in reverse order.
 */
export async function startDevelopmentService(config: DevelopmentConfig, logger: Logger, deps: DevelopmentDependencies): Promise<DevelopmentService> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'development') });
  try {
    const migrations = await applyMigrations(database.sql, MIGRATIONS_DIR);
    logger.info({ database: database.location, applied: migrations.applied }, 'database ready');
    const prisma = createPrismaClient(database, deps.onQuery);
    const relay = new OutboxRelay({ sql: database.sql, transport: deps.transport, logger: logger.child({ component: 'outbox-relay' }) });
    const wakeRelay = () => relay.notify();
    const { schema, readers, certificates } = await buildDevelopmentSchema(prisma, wakeRelay);
    const consumer = new EventConsumer({
      consumer: CONSUMER,
      transport: deps.transport,
      logger: logger.child({ component: 'consumer' }),
      handlers: developmentEventHandlers(prisma, wakeRelay),
    });
    const verifier = createTokenVerifier({ keys: config.JWKS_URL, issuer: config.TOKEN_ISSUER, audience: config.TOKEN_AUDIENCE });
    relay.start();
    await consumer.start();
    const subgraph = await startSubgraph<DevelopmentContext>({
      name: 'development',
      schema,
      host: config.HOST,
      port: config.PORT,
      logger,
      verifier,
      extendContext: (base) => ({ ...base, loaders: createLoaders(readers, base) }),
      readiness: async () => ({
        database: await database.sql.query('SELECT 1').then(
          () => true,
          () => false,
        ),
        consumer: consumer.isRunning(),
      }),
      metrics: { outboxBacklog: () => relay.backlog(), consumer, dbPool: database.poolStats },
      routes: withPrefixRoute({}, CERTIFICATE_PDF_PREFIX, certificatePdfRoute(CERTIFICATE_PDF_PREFIX, certificates, verifier)),
    });
    return {
      subgraph,
      database,
      prisma,
      relay,
      consumer,
      // Stop taking requests, then stop consuming (the message in hand finishes), flush the outbox, close the database.
      stop: async () => {
        await subgraph.stop();
        await consumer.stop();
        await relay.stop();
        await prisma.$disconnect();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
