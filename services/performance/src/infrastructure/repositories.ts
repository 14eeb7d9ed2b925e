import type { SqlRunner } from '@kinerja/database';

import type {
  AssessmentRepository,
  DevelopmentEvidenceRepository,
  EmployeeCopyRepository,
  EvidenceStore,
  FeedbackAggregateRepository,
  FollowUpRepository,
  PeriodRepository,
  PlanRepository,
  RealizationRepository,
  SettingsRepository,
  UnitRatingRepository,
} from '../domain/repositories';
import { PrismaAssessmentRepository } from './prisma-assessment.repository';
import type { PerformancePrisma } from './prisma-client';
import { PrismaDevelopmentEvidenceRepository } from './prisma-development-evidence.repository';
import { PrismaEmployeeCopyRepository } from './prisma-employee-copy.repository';
import { PrismaEvidenceStore } from './prisma-evidence.store';
import { PrismaFeedbackAggregateRepository } from './prisma-feedback-aggregate.repository';
import { PrismaFollowUpRepository } from './prisma-follow-up.repository';
import { PrismaPeriodRepository } from './prisma-period.repository';
import { PrismaPlanRepository } from './prisma-plan.repository';
import { PrismaRealizationRepository } from './prisma-realization.repository';
import { PrismaSettingsRepository } from './prisma-settings.repository';
import { PrismaUnitRatingRepository } from './prisma-unit-rating.repository';

export interface Repositories {
  copies: EmployeeCopyRepository;
  periods: PeriodRepository;
  settings: SettingsRepository;
  plans: PlanRepository;
  realizations: RealizationRepository;
  assessments: AssessmentRepository;
  unitRatings: UnitRatingRepository;
  followUps: FollowUpRepository;
  evidence: DevelopmentEvidenceRepository;
  evidenceDocuments: EvidenceStore;
  feedbackAggregates: FeedbackAggregateRepository;
}

/**
 * Every adapter over one Prisma client; `afterOutboxCommit` wakes the relay after a commit that wrote
 * events; `sql`, the driver, serves the team dashboard's hot reads (no per-call query compilation).
 */
export function createRepositories(prisma: PerformancePrisma, afterOutboxCommit: () => void = () => undefined, sql?: SqlRunner): Repositories {
  return {
    copies: new PrismaEmployeeCopyRepository(prisma, sql),
    periods: new PrismaPeriodRepository(prisma, sql),
    settings: new PrismaSettingsRepository(prisma),
    plans: new PrismaPlanRepository(prisma, sql),
    realizations: new PrismaRealizationRepository(prisma),
    assessments: new PrismaAssessmentRepository(prisma, afterOutboxCommit, sql),
    unitRatings: new PrismaUnitRatingRepository(prisma),
    followUps: new PrismaFollowUpRepository(prisma, afterOutboxCommit),
    evidence: new PrismaDevelopmentEvidenceRepository(prisma),
    evidenceDocuments: new PrismaEvidenceStore(prisma),
    feedbackAggregates: new PrismaFeedbackAggregateRepository(prisma),
  };
}
