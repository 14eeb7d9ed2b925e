import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { createTokenVerifier } from '@kinerja/auth';
import { applyMigrations, type Database, openDatabase } from '@kinerja/database';
import type { Logger } from '@kinerja/logger';
import { EventConsumer, type HandlerMap, OutboxRelay, type Transport } from '@kinerja/messaging';
import { buildFederatedSchema, type RunningSubgraph, startSubgraph } from '@kinerja/subgraph';

import { AddIndicator } from './application/add-indicator.command';
import { AddWorkResult } from './application/add-work-result.command';
import { ChangePlanStatus } from './application/change-plan-status.command';
import { ClosePerformancePeriod } from './application/close-performance-period.command';
import { CreatePerformancePeriod } from './application/create-performance-period.command';
import { CreatePerformancePlan } from './application/create-performance-plan.command';
import { DistributionReader } from './application/distribution.reader';
import { EmployeePerformanceReader } from './application/employee-performance.reader';
import { EvidenceDocumentReader } from './application/evidence-document.reader';
import { FinalizeAssessment } from './application/finalize-assessment.command';
import { GrantReward } from './application/grant-reward.command';
import { IssueSanction } from './application/issue-sanction.command';
import { keepEmployeeCopyWhenEmployeeChanged } from './application/keep-employee-copy-when-employee-changed.handler';
import { PerformanceReader } from './application/performance.reader';
import { recordDevelopmentEvidenceWhenTrainingCompleted } from './application/record-development-evidence-when-training-completed.handler';
import { ReportRealization } from './application/report-realization.command';
import { RevisePerformancePlan } from './application/revise-performance-plan.command';
import { SetPerformanceSettings } from './application/set-performance-settings.command';
import { SetUnitRating } from './application/set-unit-rating.command';
import { SubmitSelfAssessment } from './application/submit-self-assessment.command';
import { UploadEvidence } from './application/upload-evidence.command';
import type { PerformanceConfig } from './env';
import { AssessmentResolver } from './graphql/assessment.resolver';
import { createLoaders, type PerformanceContext } from './graphql/context';
import { EmployeePerformanceResolver } from './graphql/employee.resolver';
import { EVIDENCE_DOWNLOAD_PREFIX, EvidenceDocumentResolver } from './graphql/evidence-document.resolver';
import { FollowUpResolver } from './graphql/follow-up.resolver';
import { IndicatorResolver } from './graphql/indicator.resolver';
import { longTextInputs } from './graphql/long-text-inputs';
import { OrgUnitPerformanceResolver } from './graphql/org-unit.resolver';
import { PerformancePeriodResolver } from './graphql/performance-period.resolver';
import { PerformancePlanResolver } from './graphql/performance-plan.resolver';
import { PlanRevisionResolver, PlanSnapshotResolver } from './graphql/plan-revision.resolver';
import { RealizationResolver } from './graphql/realization.resolver';
import { WorkResultResolver } from './graphql/work-result.resolver';
import { evidenceDownloadRoute } from './infrastructure/evidence-download.route';
import { withPrefixRoute } from './infrastructure/prefix-route';
import { createPrismaClient, type PerformancePrisma } from './infrastructure/prisma-client';
import { CONSUMER } from './infrastructure/prisma-employee-copy.repository';
import { createRepositories, type Repositories } from './infrastructure/repositories';
import { ORPHANED_TYPES } from './schema';

export const MIGRATIONS_DIR = join(__dirname, '..', 'prisma', 'migrations');

export interface PerformanceService {
  subgraph: RunningSubgraph;
  database: Database;
  prisma: PerformancePrisma;
  relay: OutboxRelay;
  consumer: EventConsumer;
  stop(): Promise<void>;
}

export interface PerformanceDependencies {
  transport: Transport;
  onQuery?: (sql: string) => void;
}

const clock = { now: () => new Date() };
const ids = { newId: () => randomUUID() };

/** The per-message handlers of the consumer, exported so they are tested without a broker. */
export function performanceEventHandlers(repositories: Repositories): HandlerMap {
  return {
    ...keepEmployeeCopyWhenEmployeeChanged(repositories.copies),
    ...recordDevelopmentEvidenceWhenTrainingCompleted({ ...repositories, ids }),
  };
}

export interface PerformanceSchemaOptions {
  /** EVIDENCE_MAX_BYTES: the largest evidence document accepted. */
  evidenceMaxBytes: number;
}

/** Builds the whole performance subgraph on an open database: adapters, then use cases, then resolvers. */
export async function buildPerformanceSchema(repositories: Repositories, options: PerformanceSchemaOptions) {
  const { periods, plans, copies, realizations, assessments, unitRatings, settings, followUps, evidence, evidenceDocuments } = repositories;
  const sources = { plans, copies, periods };
  const reader = new PerformanceReader(periods, plans, copies, realizations, assessments, settings);
  const employees = new EmployeePerformanceReader(copies, plans, assessments, evidence, followUps);
  const evidenceReader = new EvidenceDocumentReader(evidenceDocuments, copies);
  const { schema, sdl } = await buildFederatedSchema<PerformanceContext>({
    resolvers: [
      new PerformancePeriodResolver(
        reader,
        new CreatePerformancePeriod(periods, settings, ids),
        new ClosePerformancePeriod(periods, clock),
        new SetPerformanceSettings(settings),
      ),
      new PerformancePlanResolver(
        reader,
        new CreatePerformancePlan(plans, periods, copies, ids),
        new ChangePlanStatus(sources, clock),
        new SubmitSelfAssessment(sources, assessments, clock),
        new RevisePerformancePlan({ ...sources, assessments }, ids, clock),
      ),
      new PlanRevisionResolver(),
      new PlanSnapshotResolver(),
      new WorkResultResolver(new AddWorkResult(sources, ids), new AddIndicator(sources, ids)),
      new IndicatorResolver(),
      new RealizationResolver(new ReportRealization(sources, realizations, assessments, settings, ids, clock)),
      new EvidenceDocumentResolver(new UploadEvidence({ ...sources, assessments }, realizations, evidenceDocuments, ids, clock, options.evidenceMaxBytes)),
      new AssessmentResolver(new FinalizeAssessment({ ...sources, realizations, assessments, unitRatings, settings, ids, clock })),
      new EmployeePerformanceResolver(),
      new OrgUnitPerformanceResolver(
        new DistributionReader(periods, copies, assessments, unitRatings),
        new SetUnitRating(unitRatings, periods, copies, ids, clock),
      ),
      new FollowUpResolver(new GrantReward(copies, assessments, followUps, ids, clock), new IssueSanction(copies, assessments, followUps, ids, clock)),
    ],
    orphanedTypes: ORPHANED_TYPES,
    references: {
      PerformancePeriod: (ref, context) => context.loaders.period.load(ref.id),
      // identity owns these; every field performance adds checks access itself (from the local copy).
      Employee: (ref) => ({ id: ref.id }),
      OrgUnit: (ref) => ({ id: ref.id }),
      Agency: (ref) => ({ id: ref.id }),
    },
  });
  return { schema, sdl, reader, employees, evidenceReader };
}

/**
 * Starts performance on its database: migrations, then adapters, use cases and resolvers, the
 * outbox relay and the event consumer, then the HTTP server. `stop()` undoes it in reverse order.
 */
export async function startPerformanceService(config: PerformanceConfig, logger: Logger, deps: PerformanceDependencies): Promise<PerformanceService> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'performance') });
  try {
    const migrations = await applyMigrations(database.sql, MIGRATIONS_DIR);
    logger.info({ database: database.location, applied: migrations.applied }, 'database ready');
    const prisma = createPrismaClient(database, deps.onQuery);
    const relay = new OutboxRelay({ sql: database.sql, transport: deps.transport, logger: logger.child({ component: 'outbox-relay' }) });
    const repositories = createRepositories(prisma, () => relay.notify());
    const { schema, reader, employees, evidenceReader } = await buildPerformanceSchema(repositories, { evidenceMaxBytes: config.EVIDENCE_MAX_BYTES });
    const consumer = new EventConsumer({
      consumer: CONSUMER,
      transport: deps.transport,
      logger: logger.child({ component: 'consumer' }),
      handlers: performanceEventHandlers(repositories),
    });
    const verifier = createTokenVerifier({ keys: config.JWKS_URL, issuer: config.TOKEN_ISSUER, audience: config.TOKEN_AUDIENCE });
    relay.start();
    await consumer.start();
    const subgraph = await startSubgraph<PerformanceContext>({
      name: 'performance',
      schema,
      // An evidence document travels base64-encoded (4/3 of its size) inside the JSON body.
      maxBodyBytes: Math.ceil((config.EVIDENCE_MAX_BYTES * 4) / 3) + 64 * 1024,
      longTextInputs: longTextInputs(config.EVIDENCE_MAX_BYTES),
      host: config.HOST,
      port: config.PORT,
      logger,
      verifier,
      extendContext: (base) => ({ ...base, loaders: createLoaders(reader, employees, evidenceReader, base) }),
      readiness: async () => ({
        database: await database.sql.query('SELECT 1').then(
          () => true,
          () => false,
        ),
        consumer: consumer.isRunning(),
      }),
      metrics: { outboxBacklog: () => relay.backlog(), consumer, dbPool: database.poolStats },
      routes: withPrefixRoute({}, EVIDENCE_DOWNLOAD_PREFIX, evidenceDownloadRoute(EVIDENCE_DOWNLOAD_PREFIX, evidenceReader, verifier)),
    });
    return {
      subgraph,
      database,
      prisma,
      relay,
      consumer,
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
