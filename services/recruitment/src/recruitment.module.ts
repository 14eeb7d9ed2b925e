import 'reflect-metadata';

import { join } from 'node:path';

import { randomIds } from '@kinerja/kernel';
import { defineService, type RunningService, type ServiceWiring } from '@kinerja/service-kit';

import { AnalyticsReader } from './application/analytics.reader';
import { AnnounceResults } from './application/announce-results.command';
import { AnswerObjection } from './application/answer-objection.command';
import { ApplicationDocumentReader } from './application/application-document.reader';
import { ApplyToVacancy } from './application/apply-to-vacancy.command';
import { AppointCommitteeMember } from './application/appoint-committee-member.command';
import { CommitteeReader } from './application/committee.reader';
import { CreateSelection } from './application/create-selection.command';
import { DeclareConflictOfInterest } from './application/declare-conflict-of-interest.command';
import { FileObjection } from './application/file-objection.command';
import { RECRUITMENT_CONSUMES, recruitmentHandlers } from './application/handlers/recruitment-handlers';
import { HireApplicant } from './application/hire-applicant.command';
import { ImportSkdScores } from './application/import-skd-scores.command';
import { ProposeFormation } from './application/propose-formation.command';
import { PublishVacancy } from './application/publish-vacancy.command';
import { RecordInterviewScore } from './application/record-interview-score.command';
import { RecordTestScores } from './application/record-test-scores.command';
import { RecruitmentReader } from './application/recruitment.reader';
import { RegisterApplicant } from './application/register-applicant.command';
import { ReviewFormation } from './application/review-formation.command';
import { ScheduleInterview } from './application/schedule-interview.command';
import { SelectionResultsReader } from './application/selection-results.reader';
import { AnswerApplicantSurvey, IssueSurveyToken } from './application/survey.commands';
import { UploadApplicationDocument } from './application/upload-application-document.command';
import { VerifyApplication } from './application/verify-application.command';
import { WithdrawApplication } from './application/withdraw-application.command';
import { type RecruitmentConfig, recruitmentEnvSchema } from './env';
import { ApplicationResolver } from './graphql/application.resolver';
import { CommitteeResolver } from './graphql/committee.resolver';
import { createLoaders, type RecruitmentContext } from './graphql/context';
import { FormationResolver } from './graphql/formation.resolver';
import { longTextInputs, maxBodyBytes } from './graphql/long-text-inputs';
import { StageResolver } from './graphql/stage.resolver';
import { SurveyResolver } from './graphql/survey.resolver';
import { StageResultsResolver, VacancyResolver } from './graphql/vacancy.resolver';
import { documentDownloadRoute } from './infrastructure/document-download.route';
import { PrismaApplicantRepository } from './infrastructure/prisma-applicant.repository';
import { PrismaApplicationRepository } from './infrastructure/prisma-application.repository';
import { createPrismaClient, type RecruitmentPrisma } from './infrastructure/prisma-client';
import { PrismaCommitteeRepository } from './infrastructure/prisma-committee.repository';
import { PrismaDocumentStore } from './infrastructure/prisma-document.store';
import { PrismaEventStore } from './infrastructure/prisma-event.store';
import { PrismaFormationRepository } from './infrastructure/prisma-formation.repository';
import { PrismaObjectionRepository } from './infrastructure/prisma-objection.repository';
import { PrismaSelectionRepository, PrismaVacancyRepository } from './infrastructure/prisma-selection.repository';
import { PrismaFunnelQueries, PrismaSurveyRepository } from './infrastructure/prisma-survey.repository';
import { knownAgencies, seedDemoSelectionsOf } from './seed/seed-demo-selections';

/** Served by this subgraph, not through the gateway: GET /application-documents/<id> with the bearer token. */
export const DOCUMENT_DOWNLOAD_PREFIX = '/application-documents/';

export type RecruitmentWiring = ServiceWiring<RecruitmentContext>;

export const recruitmentModule = defineService({
  name: 'recruitment',
  defaultPort: 4005,
  envSchema: recruitmentEnvSchema,
  migrationsDir: join(__dirname, '..', 'prisma', 'migrations'),
  consumerGroup: 'recruitment',
  // The event types its handlers take; keep in step with `handlers` below and packages/events.
  consumes: RECRUITMENT_CONSUMES,
  resolvers: [FormationResolver, VacancyResolver, StageResultsResolver, ApplicationResolver, StageResolver, CommitteeResolver, SurveyResolver],
  // The SKD import carries the test centre's whole export; a document travels base64-encoded.
  maxBodyBytes: (config) => maxBodyBytes(config.DOCUMENT_MAX_BYTES),
  longTextInputs: (config) => longTextInputs(config.DOCUMENT_MAX_BYTES),
  createPrisma: createPrismaClient,

  // Adapters, then use cases, then resolvers and handlers.
  async wire({ prisma, database, ids, clock, notifyOutbox, config }): Promise<RecruitmentWiring> {
    const formations = new PrismaFormationRepository(prisma);
    const selections = new PrismaSelectionRepository(prisma);
    const vacancies = new PrismaVacancyRepository(prisma);
    const applicants = new PrismaApplicantRepository(prisma);
    const applications = new PrismaApplicationRepository(prisma, notifyOutbox, database.sql);
    const objections = new PrismaObjectionRepository(prisma);
    const committee = new PrismaCommitteeRepository(prisma);
    const surveys = new PrismaSurveyRepository(prisma);
    const funnels = new PrismaFunnelQueries(prisma);
    const documents = new PrismaDocumentStore(prisma);
    const all = { formations, selections, vacancies, applicants, applications, objections, committee, surveys, funnels, documents };
    const reader = new RecruitmentReader(all);
    const documentReader = new ApplicationDocumentReader(documents, reader);
    const results = new SelectionResultsReader(all);
    return {
      resolvers: [
        new FormationResolver(
          reader,
          new ProposeFormation(formations, ids, clock),
          new ReviewFormation(formations, clock),
          new CreateSelection(selections, ids, clock),
        ),
        new VacancyResolver(reader, results, new PublishVacancy(all, ids, clock)),
        new StageResultsResolver(results),
        new ApplicationResolver(reader, {
          registerApplicant: new RegisterApplicant(applicants, ids, clock),
          applyToVacancy: new ApplyToVacancy(all, ids, clock),
          verifyApplication: new VerifyApplication(all, clock),
          recordTestScores: new RecordTestScores(all, clock),
          scheduleInterview: new ScheduleInterview(all, clock),
          recordInterviewScore: new RecordInterviewScore(all, clock),
          hireApplicant: new HireApplicant(all, clock),
          withdrawApplication: new WithdrawApplication(all, clock),
          uploadApplicationDocument: new UploadApplicationDocument(all, ids, clock, config.DOCUMENT_MAX_BYTES),
        }),
        new StageResolver(reader, {
          importSkdScores: new ImportSkdScores(all, clock),
          announceResults: new AnnounceResults(all, ids, clock),
          fileObjection: new FileObjection(all, ids, clock),
          answerObjection: new AnswerObjection(all, clock),
        }),
        new CommitteeResolver(new CommitteeReader(all), {
          appoint: new AppointCommitteeMember(all, clock),
          declareConflict: new DeclareConflictOfInterest(all, clock),
        }),
        new SurveyResolver(new AnalyticsReader(all), {
          issueToken: new IssueSurveyToken(all, clock),
          answer: new AnswerApplicantSurvey(surveys, ids, clock),
        }),
      ],
      references: {
        Vacancy: (ref, context) => context.loaders.vacancy.load(ref.id),
      },
      handlers: recruitmentHandlers(new PrismaEventStore(prisma)),
      extendContext: (base) => ({ ...base, loaders: createLoaders(reader, documentReader, base) }),
      routes: (verifier) => ({
        [`${DOCUMENT_DOWNLOAD_PREFIX}*`]: documentDownloadRoute(DOCUMENT_DOWNLOAD_PREFIX, documentReader, verifier),
      }),
    };
  },

  // Demo selections in every agency recruitment knows of from identity's employee events (it never
  // reads identity): on a first start it waits a moment for identity's seed snapshots to arrive.
  async seed(service, logger) {
    if (service.config.SEED_DEMO_DATA !== 'auto' || service.config.NODE_ENV === 'production') return null;
    // Tests (the e2e stack seeds every service at start) do not wait for snapshots nobody publishes.
    const agencies = await knownAgencies(service.prisma, service.config.NODE_ENV === 'test' ? 0 : service.config.SEED_WAIT_MS);
    if (agencies.length === 0) logger.info('no agency known yet (no identity.employee.* event received): demo selections skipped until the next start');
    let selectionsAdded = 0;
    for (const agency of agencies) selectionsAdded += await seedDemoSelectionsOf(service.prisma, agency, new Date(), randomIds);
    return { summary: { agencies: agencies.length, selectionsAdded } };
  },
});

export type RecruitmentService = RunningService<RecruitmentConfig, RecruitmentPrisma, RecruitmentWiring>;
