import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

import type { PeriodKind } from '../domain/period';
import type { PeriodStatus } from '../domain/period.rule';
import type { AssessmentKind, CoreValue, ExpectationRating, IndicatorAspect, PlanStatus, Predikat, WorkResultKind } from '../domain/vocabulary';
import {
  AssessmentKindEnum,
  CoreValueEnum,
  ExpectationRatingEnum,
  IndicatorAspectEnum,
  PeriodKindEnum,
  PeriodStatusEnum,
  PlanStatusEnum,
  PredikatEnum,
  WorkResultKindEnum,
} from './enums';

// The object types mirror the domain objects, so resolvers return domain objects unchanged; the
// foreign keys stay undecorated and are resolved by field resolvers through dataloaders.

// Entities identity owns: performance only adds fields to them, and resolves a reference to `{ id }`.

@ObjectType('Employee')
@Directive('@key(fields: "id")')
export class EmployeeType {
  @Field(() => ID) id!: string;
}

@ObjectType('OrgUnit')
@Directive('@key(fields: "id")')
export class OrgUnitType {
  @Field(() => ID) id!: string;
}

@ObjectType('Agency')
@Directive('@key(fields: "id")')
export class AgencyType {
  @Field(() => ID) id!: string;
}

@ObjectType('PerformancePeriod', { description: 'Periode penilaian: an agency’s year, or one of its monthly or quarterly sub-periods' })
@Directive('@key(fields: "id")')
export class PerformancePeriodType {
  @Field(() => ID) id!: string;
  @Field(() => PeriodKindEnum) kind!: PeriodKind;
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: '0 for the year; the month (1–12) or quarter (1–4) of a sub-period' }) index!: number;
  @Field({ description: 'First day, YYYY-MM-DD' }) startDate!: string;
  @Field({ description: 'Last day, YYYY-MM-DD' }) endDate!: string;
  @Field({ description: 'Last day to report realizations on time (batas pengisian), YYYY-MM-DD in the agency’s time zone' }) fillInDeadline!: string;
  @Field(() => PeriodStatusEnum) status!: PeriodStatus;
  agencyId!: string;
  parentId!: string | null;
}

@ObjectType('SelfAssessment', { description: 'Penilaian mandiri: the employee’s own view, input to the supervisor' })
export class SelfAssessmentType {
  @Field(() => ExpectationRatingEnum) workResultRating!: ExpectationRating;
  @Field(() => ExpectationRatingEnum) behaviourRating!: ExpectationRating;
  @Field() note!: string;
  @Field() submittedAt!: Date;
}

@ObjectType('PerformancePlan', { description: 'SKP (Sasaran Kinerja Pegawai): an employee’s plan for a year' })
export class PerformancePlanType {
  @Field(() => ID) id!: string;
  @Field(() => PlanStatusEnum) status!: PlanStatus;
  @Field(() => String, { nullable: true, description: 'What the supervisor asked to change when returning the plan' }) returnNote!: string | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => SelfAssessmentType, { nullable: true }) selfAssessment!: SelfAssessmentType | null;
  agencyId!: string;
  periodId!: string;
  employeeId!: string;
  orgUnitId!: string;
  approvedByEmployeeId!: string | null;
}

@ObjectType('WorkResult', { description: 'RHK (Rencana Hasil Kerja): a planned work result of an SKP' })
export class WorkResultType {
  @Field(() => ID) id!: string;
  @Field(() => WorkResultKindEnum) kind!: WorkResultKind;
  @Field() title!: string;
  @Field(() => Int) position!: number;
  planId!: string;
  cascadedFromWorkResultId!: string | null;
}

@ObjectType('Indicator', { description: 'Indikator kinerja individu of an RHK, with its target' })
export class IndicatorType {
  @Field(() => ID) id!: string;
  @Field(() => IndicatorAspectEnum) aspect!: IndicatorAspect;
  @Field() description!: string;
  @Field(() => Float) target!: number;
  @Field({ description: 'Satuan, e.g. "dokumen", "%", "hari"' }) unit!: string;
  @Field({ description: 'Days taken or money spent: less than the target is better (TIME and COST only)' }) lowerIsBetter!: boolean;
  workResultId!: string;
}

@ObjectType('CascadedIndicator', { description: 'An indicator of the supervisor’s RHK as a cascaded RHK shows it: its target, not its realizations' })
export class CascadedIndicatorType {
  @Field(() => ID) id!: string;
  @Field(() => IndicatorAspectEnum) aspect!: IndicatorAspect;
  @Field() description!: string;
  @Field(() => Float) target!: number;
  @Field({ description: 'Satuan, e.g. "dokumen", "%", "hari"' }) unit!: string;
  @Field() lowerIsBetter!: boolean;
}

@ObjectType('CascadedWorkResult', {
  description: 'The supervisor’s RHK a cascaded RHK rests on, as the employee sees it: title and targets, never realizations or evidence',
})
export class CascadedWorkResultType {
  @Field(() => ID) id!: string;
  @Field(() => WorkResultKindEnum) kind!: WorkResultKind;
  @Field() title!: string;
  @Field(() => [CascadedIndicatorType]) indicators!: CascadedIndicatorType[];
}

@ObjectType('Realization', { description: 'Realisasi of an indicator in a sub-period, with bukti dukung (evidence)' })
export class RealizationType {
  @Field(() => ID) id!: string;
  @Field(() => Float) value!: number;
  @Field(() => String, { nullable: true, description: 'Link to the evidence (bukti dukung), if one was given; uploaded documents are in evidenceDocuments' })
  evidenceUrl!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field({ description: 'Reported after the sub-period’s fill-in deadline' }) late!: boolean;
  @Field() reportedAt!: Date;
  subPeriodId!: string;
}

@ObjectType('EvidenceDocument', { description: 'An uploaded document of bukti dukung (PDF, PNG or JPEG) attached to a realization' })
export class EvidenceDocumentType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Cleaned of folders and unsafe characters; ends in the extension of the detected type' }) fileName!: string;
  @Field({ description: 'Detected from the content: application/pdf, image/png or image/jpeg' }) contentType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field({ description: 'Hex SHA-256 of the content' }) sha256!: string;
  @Field() uploadedAt!: Date;
  realizationId!: string;
  employeeId!: string;
}

@ObjectType('WorkResultGap', { description: 'A MAIN RHK rated below expectation: a performance gap for development' })
export class WorkResultGapType {
  @Field(() => ID) workResultId!: string;
  @Field() title!: string;
}

@ObjectType('BehaviourValueRating', { description: 'The rating of one BerAKHLAK value (perilaku kerja)' })
export class BehaviourValueRatingType {
  @Field(() => CoreValueEnum) value!: CoreValue;
  @Field(() => ExpectationRatingEnum) rating!: ExpectationRating;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('Assessment', { description: 'Penilaian kinerja: a finalized periodic or annual assessment, read-only' })
export class AssessmentType {
  @Field(() => ID) id!: string;
  @Field(() => AssessmentKindEnum) kind!: AssessmentKind;
  @Field(() => ExpectationRatingEnum, { description: 'What the system proposed from realizations (or the unit rating, for a unit head)' })
  proposedWorkResultRating!: ExpectationRating;
  @Field(() => ExpectationRatingEnum, { description: 'Rating hasil kerja, as the supervisor decided' }) workResultRating!: ExpectationRating;
  @Field(() => String, { nullable: true, description: 'Why the decision differs from the proposal' }) overrideReason!: string | null;
  @Field(() => ExpectationRatingEnum) proposedBehaviourRating!: ExpectationRating;
  @Field(() => ExpectationRatingEnum, { description: 'Rating perilaku kerja, as the supervisor decided' }) behaviourRating!: ExpectationRating;
  @Field(() => PredikatEnum) predikat!: Predikat;
  @Field({ description: 'Umpan balik from the supervisor' }) feedback!: string;
  @Field(() => String, { nullable: true, description: 'Why the unit’s distribution curve may be broken' }) justification!: string | null;
  @Field({ description: 'The finalization broke the unit’s distribution curve (allowed with a justification)' }) curveWarning!: boolean;
  @Field(() => [CoreValueEnum], { description: 'BerAKHLAK values rated BELOW' }) behaviourGaps!: CoreValue[];
  @Field(() => [WorkResultGapType]) workResultGaps!: WorkResultGapType[];
  @Field() finalizedAt!: Date;
  planId!: string;
  periodId!: string;
  employeeId!: string;
  assessorEmployeeId!: string;
}

@ObjectType('PlanFeedbackValue', { description: "A BerAKHLAK value's 360° average (1–5) over the rater groups shown" })
export class PlanFeedbackValueType {
  @Field(() => CoreValueEnum) value!: CoreValue;
  @Field(() => Float, { nullable: true, description: 'Null when too few raters of the peer and subordinate groups answered to show it' }) average!:
    number | null;
  @Field(() => Int, { description: 'How many answers the average rests on' }) responses!: number;
}

@ObjectType('PlanFeedbackAggregate', {
  description:
    "The closed 360° cycle's aggregate for the plan's employee and period (feedback.cycle.completed): input beside the proposed behaviour rating, never a replacement for the supervisor's decision",
})
export class PlanFeedbackAggregateType {
  @Field(() => ID, { description: "feedback's FeedbackCycle" }) cycleId!: string;
  @Field(() => [PlanFeedbackValueType]) values!: PlanFeedbackValueType[];
  @Field() completedAt!: Date;
}
