import { Field, Float, ID, InputType, Int } from 'type-graphql';

import type { DistributionEnforcement } from '../domain/curve-enforcement.rule';
import type { Cadence } from '../domain/period.rule';
import type { CoreValue, ExpectationRating, IndicatorAspect, RewardKind, SanctionKind, UnitRating, WorkResultKind } from '../domain/vocabulary';
import {
  CadenceEnum,
  CoreValueEnum,
  DistributionEnforcementEnum,
  ExpectationRatingEnum,
  IndicatorAspectEnum,
  RewardKindEnum,
  SanctionKindEnum,
  UnitRatingEnum,
  WorkResultKindEnum,
} from './enums';

@InputType()
export class CreatePerformancePeriodInput {
  @Field(() => ID) agencyId!: string;
  @Field(() => Int) year!: number;
  @Field(() => CadenceEnum, { nullable: true, description: 'Defaults to the agency’s setting' }) cadence?: Cadence | null;
  @Field(() => Int, { nullable: true, description: 'Days after a sub-period’s end to report on time; defaults to the agency’s setting' }) fillInDays?:
    number | null;
}

@InputType()
export class SetPerformanceSettingsInput {
  @Field(() => ID) agencyId!: string;
  @Field(() => CadenceEnum, { nullable: true }) cadence?: Cadence | null;
  @Field(() => Int, { nullable: true }) fillInDays?: number | null;
  @Field(() => Int, { nullable: true }) utcOffsetHours?: number | null;
  @Field(() => DistributionEnforcementEnum, { nullable: true }) distributionEnforcement?: DistributionEnforcement | null;
  @Field(() => Int, { nullable: true }) minJustificationLength?: number | null;
  @Field(() => Float, { nullable: true }) aboveFromPercent?: number | null;
  @Field(() => Float, { nullable: true }) meetsFromPercent?: number | null;
  @Field(() => Float, { nullable: true }) achievementCapPercent?: number | null;
  @Field(() => Float, { nullable: true }) mainBelowMaxPercentForMeets?: number | null;
  @Field(() => [Int], { nullable: true, description: 'Days before each deadline a reminder goes out (0 = on the day), at most 5' })
  reminderDaysBefore?: number[] | null;
}

@InputType()
export class CreatePerformancePlanInput {
  @Field(() => ID, { description: 'The annual period; the plan is the signed-in employee’s' }) periodId!: string;
}

@InputType()
export class AddWorkResultInput {
  @Field(() => ID) planId!: string;
  @Field(() => WorkResultKindEnum) kind!: WorkResultKind;
  @Field() title!: string;
  @Field(() => ID, { nullable: true, description: 'The RHK of the direct supervisor this one cascades from (intervensi)' }) cascadedFromWorkResultId?:
    string | null;
}

@InputType()
export class AddIndicatorInput {
  @Field(() => ID) workResultId!: string;
  @Field(() => IndicatorAspectEnum) aspect!: IndicatorAspect;
  @Field() description!: string;
  @Field(() => Float) target!: number;
  @Field() unit!: string;
  @Field({ defaultValue: false }) lowerIsBetter!: boolean;
}

@InputType()
export class UpdateWorkResultInput {
  @Field(() => ID, { description: 'An RHK of the caller’s draft or returned SKP' }) workResultId!: string;
  @Field(() => WorkResultKindEnum) kind!: WorkResultKind;
  @Field() title!: string;
}

@InputType()
export class UpdateIndicatorInput {
  @Field(() => ID, { description: 'An indicator of an RHK of the caller’s draft or returned SKP' }) indicatorId!: string;
  @Field(() => IndicatorAspectEnum) aspect!: IndicatorAspect;
  @Field() description!: string;
  @Field(() => Float) target!: number;
  @Field() unit!: string;
  @Field({ defaultValue: false }) lowerIsBetter!: boolean;
}

@InputType()
export class RevisePerformancePlanInput {
  @Field(() => ID, { description: 'An approved SKP' }) planId!: string;
  @Field({ description: 'Why the agreed plan changes (10–2000 characters), e.g. a new assignment or a reorganisation' }) reason!: string;
}

@InputType()
export class ReportRealizationInput {
  @Field(() => ID) indicatorId!: string;
  @Field(() => ID, { description: 'The sub-period (month or quarter)' }) periodId!: string;
  @Field(() => Float) value!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Link to the evidence (bukti dukung), http or https; leave it out to upload a document afterwards (uploadEvidence)',
  })
  evidenceUrl?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'Either realizationId, or indicatorId with periodId (the sub-period) of a reported realization' })
export class UploadEvidenceInput {
  @Field(() => ID, { nullable: true }) realizationId?: string | null;
  @Field(() => ID, { nullable: true }) indicatorId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The sub-period (month or quarter)' }) periodId?: string | null;
  @Field({ description: 'The file’s name; its extension must agree with the content' }) fileName!: string;
  @Field({ description: 'The file’s bytes in base64: a PDF, PNG or JPEG of at most EVIDENCE_MAX_BYTES (5 MiB by default)' }) contentBase64!: string;
}

@InputType()
export class SubmitSelfAssessmentInput {
  @Field(() => ID) planId!: string;
  @Field(() => ExpectationRatingEnum) workResultRating!: ExpectationRating;
  @Field(() => ExpectationRatingEnum) behaviourRating!: ExpectationRating;
  @Field() note!: string;
}

@InputType()
export class BehaviourValueRatingInput {
  @Field(() => CoreValueEnum) value!: CoreValue;
  @Field(() => ExpectationRatingEnum) rating!: ExpectationRating;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class FinalizeAssessmentInput {
  @Field(() => ID) planId!: string;
  @Field(() => ID, { description: 'The plan’s year (annual assessment) or one of its sub-periods (periodic assessment)' }) periodId!: string;
  @Field(() => ExpectationRatingEnum) workResultRating!: ExpectationRating;
  @Field(() => ExpectationRatingEnum) behaviourRating!: ExpectationRating;
  @Field(() => [BehaviourValueRatingInput], { description: 'All seven BerAKHLAK values' }) behaviourRatings!: BehaviourValueRatingInput[];
  @Field() feedback!: string;
  @Field(() => String, { nullable: true, description: 'Required when finalizing would break the unit’s distribution curve (agencies that WARN)' })
  justification?: string | null;
  @Field(() => String, { nullable: true, description: 'Required when workResultRating differs from the system’s proposal' }) overrideReason?: string | null;
  @Field(() => [ID], {
    nullable: true,
    description:
      'The work results the supervisor decides are BELOW expectation (the work-result gaps). Omitted: none when workResultRating is ABOVE, the MAIN results measured below otherwise (every MAIN result when BELOW and none measured)',
  })
  belowWorkResultIds?: string[] | null;
}

@InputType()
export class SetUnitRatingInput {
  @Field(() => ID) orgUnitId!: string;
  @Field(() => ID, { description: 'The annual period' }) periodId!: string;
  @Field(() => UnitRatingEnum) rating!: UnitRating;
  @Field(() => String, { nullable: true, description: 'Why the rating changes after someone in the unit was finalized (a recorded reopening)' }) reason?:
    string | null;
}

@InputType()
export class GrantRewardInput {
  @Field(() => ID) employeeId!: string;
  @Field(() => RewardKindEnum) kind!: RewardKind;
  @Field(() => ID, { nullable: true, description: 'The finalized assessment it rests on (required for recommendations)' }) assessmentId?: string | null;
  @Field() note!: string;
}

@InputType()
export class IssueSanctionInput {
  @Field(() => ID) employeeId!: string;
  @Field(() => SanctionKindEnum) kind!: SanctionKind;
  @Field(() => ID, { nullable: true, description: 'The finalized assessment it rests on (required for a discipline referral)' }) assessmentId?: string | null;
  @Field() note!: string;
}
