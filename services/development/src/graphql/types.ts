import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import type { MappableGap } from '../domain/agency-gap-mapping';
import type { TrainingResult } from '../domain/assignment-record';
import type { Gap } from '../domain/gap-mapping.rule';
import type { AssignmentReason, AssignmentStatus, CompetencyKind, CoreValue, EmploymentType, Predikat, TrainingMode } from '../domain/vocabulary';
import {
  AssignmentReasonEnum,
  AssignmentStatusEnum,
  CompetencyKindEnum,
  CoreValueEnum,
  EmploymentTypeEnum,
  GapKindEnum,
  MappableGapEnum,
  PredikatEnum,
  TrainingModeEnum,
  TrainingResultEnum,
} from './enums';

// The object types mirror the domain objects, so resolvers return domain objects unchanged; the
// foreign keys stay undecorated and are resolved by field resolvers through dataloaders.

/** identity's Employee: development only adds trainingAssignments and learningHours (no description, so identity's stands). */
@ObjectType('Employee')
@Directive('@key(fields: "id")')
export class EmployeeType {
  @Field(() => ID) id!: string;
}

@ObjectType('Competency', { description: 'A competency of the ASN standard a programme builds' })
export class CompetencyType {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => CompetencyKindEnum) kind!: CompetencyKind;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType('TrainingProgram', { description: 'A programme of the province-wide catalogue or of one agency' })
@Directive('@key(fields: "id")')
export class TrainingProgramType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Unique in its catalogue, e.g. KOM-EFEKTIF or LATSAR-CPNS' }) code!: string;
  @Field() title!: string;
  @Field(() => Int, { description: 'JP (jam pelajaran): the lesson hours the programme counts for' }) jpHours!: number;
  @Field(() => TrainingModeEnum) mode!: TrainingMode;
  @Field(() => ID, { nullable: true, description: "The agency of an agency's own programme; null for the province-wide catalogue" })
  agencyId!: string | null;
  competencyCodes!: string[];
}

@ObjectType('TrainingSession', { description: 'One run of a programme, on calendar days, with a seat limit' })
export class TrainingSessionType {
  @Field(() => ID) id!: string;
  @Field({ description: 'YYYY-MM-DD' }) startDate!: string;
  @Field({ description: 'YYYY-MM-DD' }) endDate!: string;
  @Field(() => Int) capacity!: number;
  programId!: string;
}

@ObjectType('TrainingGap', { description: 'A gap a poor assessment found: a BerAKHLAK value or a MAIN work result rated BELOW' })
export class TrainingGapType {
  @Field(() => GapKindEnum) kind!: Gap['kind'];
  @Field(() => CoreValueEnum, { nullable: true }) coreValue!: CoreValue | null;
  @Field(() => ID, { nullable: true, description: "The work result (RHK) in performance's SKP" }) workResultId!: string | null;
  @Field(() => String, { nullable: true }) workResultTitle!: string | null;
  @Field(() => PredikatEnum, { nullable: true, description: 'When the assessment named no gap, the predikat itself' }) predikat!: Predikat | null;
}

@ObjectType('TrainingAssignment', { description: 'A programme assigned to an employee, with the reason and the event that caused it' })
export class TrainingAssignmentType {
  @Field(() => ID) id!: string;
  @Field(() => AssignmentStatusEnum) status!: AssignmentStatus;
  @Field(() => AssignmentReasonEnum) reason!: AssignmentReason;
  @Field(() => ID, { nullable: true, description: 'The id of the event that caused the assignment (e.g. performance.assessment.finalized)' })
  sourceEventId!: string | null;
  @Field(() => TrainingResultEnum, { nullable: true }) result!: TrainingResult | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) completedOn!: string | null;
  @Field(() => Int, { nullable: true, description: 'JP the completion counts for' }) earnedJp!: number | null;
  @Field(() => String, { nullable: true }) cancellationReason!: string | null;
  employeeId!: string;
  programId!: string | null;
  sessionId!: string | null;
  gaps!: readonly Gap[];
}

@ObjectType('PageInfo')
@Directive('@shareable')
export class PageInfoType {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('TrainingAssignmentEdge')
export class TrainingAssignmentEdgeType {
  @Field() cursor!: string;
  @Field(() => TrainingAssignmentType) node!: TrainingAssignmentType;
}

@ObjectType('TrainingAssignmentConnection', { description: "A page of an agency's assignments, oldest first" })
export class TrainingAssignmentConnectionType {
  @Field(() => [TrainingAssignmentEdgeType]) edges!: TrainingAssignmentEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  /** Resolves `totalCount` (TrainingAssignmentConnectionResolver), counted only when selected. */
  countTotal!: () => Promise<number>;
}

@ObjectType('Certificate', { description: 'Sertifikat of a passed training' })
export class CertificateType {
  @Field({ description: 'e.g. KNJ/1A2B3C4D/2026/000042-K; anyone can check it with verifyCertificate' }) number!: string;
  @Field() programTitle!: string;
  @Field(() => Int, { description: 'JP earned' }) jp!: number;
  @Field({ description: 'YYYY-MM-DD' }) completedOn!: string;
  @Field() holderName!: string;
}

@ObjectType('CertificateVerification', { description: 'The public check of a certificate number; nothing but valid=false when it is not one' })
export class CertificateVerificationType {
  @Field() valid!: boolean;
  @Field(() => String, { nullable: true }) programTitle?: string | null;
  @Field(() => Int, { nullable: true, description: 'JP' }) jp?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) completedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'The first letter of each name, the rest masked' }) holderName?: string | null;
}

@ObjectType('LearningHours', { description: 'JP (jam pelajaran) in a year: PNS are entitled to at least 20, PPPK capped at 24 per contract year' })
export class LearningHoursType {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'JP of passed trainings in the year (the contract year for PPPK)' }) completed!: number;
  @Field(() => Int, { description: 'The entitlement to reach; 0 for PPPK, who have a cap instead' }) required!: number;
  @Field(() => Int, { description: 'JP still short of the entitlement' }) remaining!: number;
  @Field(() => Int, { nullable: true, description: 'PPPK only: the most JP in the contract year' }) cap!: number | null;
  @Field({ description: 'CPNS only: Latsar CPNS not completed yet' }) latsarPending!: boolean;
}

@ObjectType('LearningHoursShortfall', { description: 'An employee below their JP entitlement for the year' })
export class LearningHoursShortfallType {
  @Field(() => EmployeeType) employee!: EmployeeType;
  @Field(() => EmploymentTypeEnum) employmentType!: EmploymentType;
  @Field(() => LearningHoursType) learningHours!: LearningHoursType;
}

@ObjectType('PlannedProgram', { description: 'A programme in an individual development plan, with the gaps it answers' })
export class PlannedProgramType {
  @Field(() => ID, { nullable: true, description: 'The assignment already made for it, if any' }) assignmentId!: string | null;
  programId!: string | null;
  gaps!: readonly Gap[];
}

@ObjectType('DevelopmentPlan', { description: 'Rencana pengembangan individu: the programmes planned for an employee in a year' })
export class DevelopmentPlanType {
  @Field(() => ID) id!: string;
  @Field(() => Int) year!: number;
  @Field(() => [PlannedProgramType]) items!: PlannedProgramType[];
  employeeId!: string;
}

@ObjectType('GapProgramMapping', {
  description: "The programme a gap of a poor assessment leads to in an agency: the province default or the agency's own choice",
})
export class GapProgramMappingType {
  @Field(() => MappableGapEnum) gap!: MappableGap;
  @Field(() => String, { nullable: true, description: 'The mapped programme code; null: HR chooses for each assignment' }) programCode!: string | null;
  @Field({ description: 'True when the agency set this line itself; false for the province default' }) agencyOverride!: boolean;
  @Field(() => TrainingProgramType, {
    nullable: true,
    description: "The programme the code resolves to in the agency's catalogue; null when none is mapped or the code is not offered (the gap goes to HR)",
  })
  program!: TrainingProgramType | null;
}
