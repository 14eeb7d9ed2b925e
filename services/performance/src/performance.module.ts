import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { EMPLOYEE_EVENT_TYPES } from '@kinerja/events';
import type { Clock, IdGenerator } from '@kinerja/kernel';
import type { HandlerMap } from '@kinerja/messaging';
import { countingJob, defineService, type RunningService, type ServiceWiring } from '@kinerja/service-kit';

import { AddIndicator } from './application/add-indicator.command';
import { AddWorkResult } from './application/add-work-result.command';
import { ChangePlanStatus } from './application/change-plan-status.command';
import { ClosePerformancePeriod } from './application/close-performance-period.command';
import { CreatePerformancePeriod } from './application/create-performance-period.command';
import { CreatePerformancePlan } from './application/create-performance-plan.command';
import { DistributionReader } from './application/distribution.reader';
import { EmployeePerformanceReader } from './application/employee-performance.reader';
import { EvidenceDocumentReader } from './application/evidence-document.reader';
import { FeedbackAggregateReader } from './application/feedback-aggregate.reader';
import { FinalizeAssessment } from './application/finalize-assessment.command';
import { GrantReward } from './application/grant-reward.command';
import { IssueSanction } from './application/issue-sanction.command';
import { keepEmployeeCopyWhenEmployeeChanged } from './application/keep-employee-copy-when-employee-changed.handler';
import { keepFeedbackAggregateWhenCycleCompleted } from './application/keep-feedback-aggregate-when-cycle-completed.handler';
import { DocumentLinks, OfficialDocumentReader } from './application/official-document.reader';
import { PerformanceReader } from './application/performance.reader';
import { recordDevelopmentEvidenceWhenTrainingCompleted } from './application/record-development-evidence-when-training-completed.handler';
import { RemoveIndicator } from './application/remove-indicator.command';
import { RemoveWorkResult } from './application/remove-work-result.command';
import { ReportRealization } from './application/report-realization.command';
import { RevisePerformancePlan } from './application/revise-performance-plan.command';
import { ScheduleDeadlineReminders } from './application/schedule-deadline-reminders.command';
import { SetPerformanceSettings } from './application/set-performance-settings.command';
import { SetUnitRating } from './application/set-unit-rating.command';
import { SubmitSelfAssessment } from './application/submit-self-assessment.command';
import { UpdateIndicator } from './application/update-indicator.command';
import { UpdateWorkResult } from './application/update-work-result.command';
import { UploadEvidence } from './application/upload-evidence.command';
import { type PerformanceConfig, performanceEnvSchema } from './env';
import { AssessmentResolver } from './graphql/assessment.resolver';
import { createLoaders, type PerformanceContext } from './graphql/context';
import { EmployeePerformanceResolver } from './graphql/employee.resolver';
import { EVIDENCE_DOWNLOAD_PREFIX, EvidenceDocumentResolver } from './graphql/evidence-document.resolver';
import { FollowUpResolver } from './graphql/follow-up.resolver';
import { IndicatorResolver } from './graphql/indicator.resolver';
import { longTextInputs } from './graphql/long-text-inputs';
import { OfficialDocumentResolver } from './graphql/official-document.resolver';
import { OrgUnitPerformanceResolver } from './graphql/org-unit.resolver';
import { PerformancePeriodResolver } from './graphql/performance-period.resolver';
import { PerformancePlanResolver } from './graphql/performance-plan.resolver';
import { PlanRevisionResolver, PlanSnapshotResolver } from './graphql/plan-revision.resolver';
import { RealizationResolver } from './graphql/realization.resolver';
import { AgencyType, EmployeeType, OrgUnitType } from './graphql/types';
import { WorkResultResolver } from './graphql/work-result.resolver';
import { evidenceDownloadRoute } from './infrastructure/evidence-download.route';
import { officialDocumentRoute } from './infrastructure/official-document.route';
import { createPrismaClient, type PerformancePrisma } from './infrastructure/prisma-client';
import { CONSUMER } from './infrastructure/prisma-employee-copy.repository';
import { PrismaReminderSchedule } from './infrastructure/prisma-reminder.schedule';
import { createRepositories, type Repositories } from './infrastructure/repositories';

/** The per-message handlers of the consumer, exported so they are tested without a broker. */
export function performanceEventHandlers(repositories: Repositories, ids: IdGenerator): HandlerMap {
  return {
    ...keepEmployeeCopyWhenEmployeeChanged(repositories.copies),
    ...recordDevelopmentEvidenceWhenTrainingCompleted({ ...repositories, ids }),
    ...keepFeedbackAggregateWhenCycleCompleted(repositories),
  };
}

export interface PerformanceOptions {
  /** EVIDENCE_MAX_BYTES: the largest evidence document accepted. */
  evidenceMaxBytes: number;
  /** DOCUMENT_LINK_SECRET: signs the short-lived links to official documents (shared by all replicas). */
  documentLinkSecret: Buffer;
}

export type PerformanceWiring = ServiceWiring<PerformanceContext>;

/** Adapters are given; use cases, then resolvers, then handlers over them (tests run it in process). */
export function wirePerformance(repositories: Repositories, options: PerformanceOptions, deps: { clock: Clock; ids: IdGenerator }): PerformanceWiring {
  const { clock, ids } = deps;
  const { periods, plans, copies, realizations, assessments, unitRatings, settings, followUps, evidence, evidenceDocuments } = repositories;
  const sources = { plans, copies, periods };
  const reader = new PerformanceReader(periods, plans, copies, realizations, assessments, settings);
  const employees = new EmployeePerformanceReader(copies, plans, assessments, evidence, followUps);
  const evidenceReader = new EvidenceDocumentReader(evidenceDocuments, copies);
  const feedbackAggregates = new FeedbackAggregateReader(repositories.feedbackAggregates);
  const documentLinks = new DocumentLinks(options.documentLinkSecret, clock);
  const officialDocuments = new OfficialDocumentReader(repositories);
  const followUpDeps = { copies, assessments, followUps, ids, clock };
  return {
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
      new WorkResultResolver(
        new AddWorkResult(sources, ids),
        new AddIndicator(sources, ids),
        new UpdateWorkResult(sources),
        new RemoveWorkResult(sources),
        new UpdateIndicator(sources),
        new RemoveIndicator(sources),
      ),
      new IndicatorResolver(),
      new RealizationResolver(new ReportRealization(sources, realizations, assessments, settings, ids, clock)),
      new EvidenceDocumentResolver(new UploadEvidence({ ...sources, assessments }, realizations, evidenceDocuments, ids, clock, options.evidenceMaxBytes)),
      new AssessmentResolver(new FinalizeAssessment({ ...sources, realizations, assessments, unitRatings, settings, ids, clock })),
      new EmployeePerformanceResolver(),
      new OrgUnitPerformanceResolver(
        new DistributionReader(periods, copies, assessments, unitRatings),
        new SetUnitRating(unitRatings, periods, copies, assessments, ids, clock),
      ),
      new OfficialDocumentResolver(documentLinks, officialDocuments),
      new FollowUpResolver(new GrantReward(followUpDeps), new IssueSanction(followUpDeps)),
    ],
    references: {
      PerformancePeriod: (ref, context) => context.loaders.period.load(ref.id),
      // identity owns these; every field performance adds checks access itself (from the local copy).
      Employee: (ref) => ({ id: ref.id }),
      OrgUnit: (ref) => ({ id: ref.id }),
      Agency: (ref) => ({ id: ref.id }),
    },
    handlers: performanceEventHandlers(repositories, ids),
    extendContext: (base) => ({ ...base, loaders: createLoaders(reader, employees, evidenceReader, feedbackAggregates, base) }),
    routes: (verifier) => ({
      [`${EVIDENCE_DOWNLOAD_PREFIX}*`]: evidenceDownloadRoute(EVIDENCE_DOWNLOAD_PREFIX, evidenceReader, verifier),
      [`${documentLinks.prefix}*`]: officialDocumentRoute(documentLinks, officialDocuments),
    }),
  };
}

/** The configured secret, or (outside production, where the config requires one) a random one for this process. */
export function documentLinkSecretOf(config: PerformanceConfig): Buffer {
  return config.DOCUMENT_LINK_SECRET !== undefined ? Buffer.from(config.DOCUMENT_LINK_SECRET) : randomBytes(32);
}

export const performanceModule = defineService({
  name: 'performance',
  defaultPort: 4002,
  envSchema: performanceEnvSchema,
  migrationsDir: join(__dirname, '..', 'prisma', 'migrations'),
  consumerGroup: CONSUMER,
  consumes: [...EMPLOYEE_EVENT_TYPES, 'development.training.completed', 'feedback.cycle.completed'],
  resolvers: [
    PerformancePeriodResolver,
    PerformancePlanResolver,
    PlanRevisionResolver,
    PlanSnapshotResolver,
    WorkResultResolver,
    IndicatorResolver,
    RealizationResolver,
    EvidenceDocumentResolver,
    AssessmentResolver,
    EmployeePerformanceResolver,
    OrgUnitPerformanceResolver,
    OfficialDocumentResolver,
    FollowUpResolver,
  ],
  // identity's entities that performance only extends.
  orphanedTypes: [EmployeeType, OrgUnitType, AgencyType],
  // An evidence document travels base64-encoded (4/3 of its size) inside the JSON body.
  maxBodyBytes: (config) => Math.ceil((config.EVIDENCE_MAX_BYTES * 4) / 3) + 64 * 1024,
  // Free text (notes, justifications) and the evidence document's base64 are longer than names.
  longTextInputs: (config) => longTextInputs(config.EVIDENCE_MAX_BYTES),
  createPrisma: createPrismaClient,
  wire: async ({ config, prisma, database, clock, ids, logger, notifyOutbox }) => {
    const repositories = createRepositories(prisma, notifyOutbox, database.sql);
    const wiring = wirePerformance(
      repositories,
      { evidenceMaxBytes: config.EVIDENCE_MAX_BYTES, documentLinkSecret: documentLinkSecretOf(config) },
      { clock, ids },
    );
    const reminders = new ScheduleDeadlineReminders(new PrismaReminderSchedule(prisma, notifyOutbox), repositories.settings, clock, ids);
    // Looks for the deadline reminders due while the service runs (every replica; each claimed once).
    const remindersJob = countingJob('deadline-reminders', config.REMINDER_INTERVAL_SECONDS, logger, {
      run: () => reminders.execute(),
      field: 'claimed',
      message: 'deadline reminders sent',
    });
    return { ...wiring, jobs: [remindersJob] };
  },
});

export type PerformanceService = RunningService<PerformanceConfig, PerformancePrisma, PerformanceWiring>;
