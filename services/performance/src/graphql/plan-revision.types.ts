import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

import type { PlanActor } from '../domain/plan-workflow.rule';
import type { IndicatorAspect, WorkResultKind } from '../domain/vocabulary';
import { IndicatorAspectEnum, PlanActorEnum, WorkResultKindEnum } from './enums';

// A revision's snapshot is history: its RHKs and indicators are plain values, not the live
// WorkResult and Indicator types whose fields read today's realizations.

@ObjectType('PlanSnapshotIndicator', { description: 'An indicator as it stood in the approved SKP' })
export class PlanSnapshotIndicatorType {
  @Field(() => ID) id!: string;
  @Field(() => IndicatorAspectEnum) aspect!: IndicatorAspect;
  @Field() description!: string;
  @Field(() => Float) target!: number;
  @Field() unit!: string;
  @Field() lowerIsBetter!: boolean;
}

@ObjectType('PlanSnapshotWorkResult', { description: 'An RHK as it stood in the approved SKP' })
export class PlanSnapshotWorkResultType {
  @Field(() => ID) id!: string;
  @Field(() => WorkResultKindEnum) kind!: WorkResultKind;
  @Field() title!: string;
  @Field(() => Int) position!: number;
  @Field(() => ID, { nullable: true, description: 'The supervisor’s RHK it cascaded from' }) cascadedFromWorkResultId!: string | null;
  @Field(() => [PlanSnapshotIndicatorType]) indicators!: PlanSnapshotIndicatorType[];
}

@ObjectType('PlanSnapshot', { description: 'The SKP as it was approved, before a revision reopened it' })
export class PlanSnapshotType {
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => [PlanSnapshotWorkResultType]) workResults!: PlanSnapshotWorkResultType[];
  approvedByEmployeeId!: string | null;
}

@ObjectType('PlanRevision', { description: 'Perubahan SKP: an approved plan reopened as a draft, with why, by whom and what had been agreed' })
export class PlanRevisionType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '1 for the first revision of the plan, then 2, 3…' }) sequence!: number;
  @Field() reason!: string;
  @Field(() => PlanActorEnum, { description: 'Whether the employee or the direct supervisor revised it' }) revisedAs!: PlanActor;
  @Field() revisedAt!: Date;
  @Field(() => PlanSnapshotType) snapshot!: PlanSnapshotType;
  planId!: string;
  revisedByEmployeeId!: string;
}
