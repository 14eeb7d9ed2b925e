import 'reflect-metadata';

import { join } from 'node:path';

import { EMPLOYEE_EVENT_TYPES } from '@kinerja/events';
import type { Clock, IdGenerator } from '@kinerja/kernel';
import type { HandlerMap } from '@kinerja/messaging';
import { defineService, type RunningService } from '@kinerja/service-kit';

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
import { type DevelopmentConfig, developmentEnvSchema } from './env';
import { CERTIFICATE_PDF_PREFIX, CertificateResolver } from './graphql/certificate.resolver';
import { CompetencyResolver } from './graphql/competency.resolver';
import { createLoaders, type DevelopmentContext } from './graphql/context';
import { DevelopmentPlanResolver, PlannedProgramResolver } from './graphql/development-plan.resolver';
import { EmployeeDevelopmentResolver } from './graphql/employee.resolver';
import { GapMappingResolver } from './graphql/gap-mapping.resolver';
import { LearningHoursResolver } from './graphql/learning-hours.resolver';
import { TrainingAssignmentResolver } from './graphql/training-assignment.resolver';
import { TrainingAssignmentConnectionResolver } from './graphql/training-assignment-connection.resolver';
import { TrainingProgramResolver } from './graphql/training-program.resolver';
import { TrainingSessionResolver } from './graphql/training-session.resolver';
import { EmployeeType } from './graphql/types';
import { certificatePdfRoute } from './infrastructure/certificate-pdf.route';
import { PrismaAssignmentRepository } from './infrastructure/prisma-assignment.repository';
import { PrismaCatalogueRepository } from './infrastructure/prisma-catalogue.repository';
import { createPrismaClient, type DevelopmentPrisma } from './infrastructure/prisma-client';
import { PrismaDevelopmentPlanRepository } from './infrastructure/prisma-development-plan.repository';
import { PrismaEmployeeCopyRepository } from './infrastructure/prisma-employee-copy.repository';
import { CONSUMER, PrismaEventStore } from './infrastructure/prisma-event.store';
import { PrismaGapMappingRepository } from './infrastructure/prisma-gap-mapping.repository';
import { PrismaTrainingRecordRepository } from './infrastructure/prisma-training-record.repository';
import { seedDefaultCatalogue } from './seed/seed-default-catalogue';

/** The event handlers over the database; `notifyOutbox` wakes the relay when a handler published. */
export function developmentEventHandlers(prisma: DevelopmentPrisma, deps: { ids: IdGenerator; clock: Clock; notifyOutbox?: () => void }): HandlerMap {
  return developmentHandlers({ events: new PrismaEventStore(prisma, deps.notifyOutbox ?? (() => undefined)), ids: deps.ids, clock: deps.clock });
}

export const developmentModule = defineService({
  name: 'development',
  defaultPort: 4004,
  envSchema: developmentEnvSchema,
  migrationsDir: join(__dirname, '..', 'prisma', 'migrations'),
  consumerGroup: CONSUMER,
  consumes: [...EMPLOYEE_EVENT_TYPES, 'performance.assessment.finalized', 'performance.sanction.issued', 'recruitment.applicant.hired'],
  resolvers: [
    CompetencyResolver,
    TrainingProgramResolver,
    TrainingSessionResolver,
    TrainingAssignmentResolver,
    TrainingAssignmentConnectionResolver,
    EmployeeDevelopmentResolver,
    LearningHoursResolver,
    CertificateResolver,
    DevelopmentPlanResolver,
    PlannedProgramResolver,
    GapMappingResolver,
  ],
  // Development only adds fields to identity's Employee.
  orphanedTypes: [EmployeeType],
  createPrisma: createPrismaClient,

  async wire({ prisma, database, ids, clock, notifyOutbox }) {
    const catalogue = new PrismaCatalogueRepository(prisma, database.sql);
    const employees = new PrismaEmployeeCopyRepository(prisma);
    const assignments = new PrismaAssignmentRepository(prisma, notifyOutbox);
    const records = new PrismaTrainingRecordRepository(prisma, database.sql);
    const plans = new PrismaDevelopmentPlanRepository(prisma);
    const gapMappings = new PrismaGapMappingRepository(prisma);
    const reader = new DevelopmentReader(catalogue, employees, assignments, records);
    const learningHours = new LearningHoursReader(records);
    const certificates = new CertificateReader(records);
    const readers = { reader, learningHours, plans: new DevelopmentPlanReader(plans) };
    return {
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
        new TrainingAssignmentConnectionResolver(),
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
      references: {
        // identity owns the employee; each field added here checks access itself.
        Employee: (ref) => ({ id: ref.id }),
        TrainingProgram: (ref, context: DevelopmentContext) => context.loaders.programme.load(ref.id),
      },
      handlers: developmentEventHandlers(prisma, { ids, clock, notifyOutbox }),
      extendContext: (base): DevelopmentContext => ({ ...base, loaders: createLoaders(readers, base) }),
      routes: (verifier) => ({ [`${CERTIFICATE_PDF_PREFIX}*`]: certificatePdfRoute(CERTIFICATE_PDF_PREFIX, certificates, verifier) }),
    };
  },

  // The default competencies and province-wide programmes (Latsar CPNS, coaching, the gap mapping's).
  async seed(service) {
    if (service.config.SEED_DEFAULT_CATALOGUE !== 'auto') return null;
    return { summary: { catalogueEntriesAdded: await seedDefaultCatalogue(service.prisma) } };
  },
});

export type DevelopmentService = RunningService<DevelopmentConfig, DevelopmentPrisma, Awaited<ReturnType<(typeof developmentModule)['wire']>>>;
