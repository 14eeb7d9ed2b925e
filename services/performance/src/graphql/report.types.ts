import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

import type { DistributionEnforcement } from '../domain/curve-enforcement.rule';
import type { DistributionBound } from '../domain/distribution-curve.rule';
import type { Cadence } from '../domain/period.rule';
import type { Predikat, RewardKind, SanctionKind, UnitRating } from '../domain/vocabulary';
import { CadenceEnum, DistributionBoundEnum, DistributionEnforcementEnum, PredikatEnum, RewardKindEnum, SanctionKindEnum, UnitRatingEnum } from './enums';

@ObjectType('PredikatShare')
export class PredikatShareType {
  @Field(() => PredikatEnum) predikat!: Predikat;
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: 'Of the unit’s headcount, rounded to one decimal for display; the rules compare whole people' }) percent!: number;
}

@ObjectType('DistributionRule', { description: 'One row of the distribution curve of the unit’s rating, with where the unit stands' })
export class DistributionRuleType {
  @Field({ description: 'e.g. "at most 70% SANGAT_BAIK"' }) description!: string;
  @Field(() => [PredikatEnum]) predikats!: Predikat[];
  @Field(() => DistributionBoundEnum) bound!: DistributionBound;
  @Field(() => Int, { nullable: true, description: 'Null for "at least one"' }) percent!: number | null;
  @Field(() => Int, { description: 'AT_MOST: the most allowed; AT_LEAST: the fewest required (floor / ceil of the percentage, see the rounding note)' })
  requiredCount!: number;
  @Field(() => Int) actualCount!: number;
  @Field() satisfied!: boolean;
  @Field({ description: 'Can still hold once the employees not yet assessed are' }) reachable!: boolean;
}

@ObjectType('PredikatDistribution', { description: 'Kurva distribusi: the predikat of a unit’s employees for a year, against the rule of the unit’s rating' })
export class PredikatDistributionType {
  @Field(() => UnitRatingEnum, { nullable: true, description: 'Null while the unit has no rating for the year' }) unitRating!: UnitRating | null;
  @Field(() => Int, { description: 'Employees of the unit (from the local copy of identity), or those assessed when more' }) headcount!: number;
  @Field(() => Int) assessed!: number;
  @Field(() => [PredikatShareType]) shares!: PredikatShareType[];
  @Field(() => [DistributionRuleType]) rules!: DistributionRuleType[];
  @Field(() => Boolean, { nullable: true, description: 'Every rule holds now; null without a unit rating' }) satisfied!: boolean | null;
}

@ObjectType('UnitRatingRecord', { description: 'Predikat kinerja organisasi of a unit for a year' })
export class UnitRatingType {
  @Field(() => ID) id!: string;
  @Field(() => UnitRatingEnum) rating!: UnitRating;
  @Field() setAt!: Date;
  orgUnitId!: string;
  periodId!: string;
}

@ObjectType('Reward', { description: 'Penghargaan' })
export class RewardType {
  @Field(() => ID) id!: string;
  @Field(() => RewardKindEnum) kind!: RewardKind;
  @Field(() => ID, { nullable: true }) assessmentId!: string | null;
  @Field() note!: string;
  @Field() grantedAt!: Date;
}

@ObjectType('Sanction', { description: 'Sanksi / pembinaan' })
export class SanctionType {
  @Field(() => ID) id!: string;
  @Field(() => SanctionKindEnum) kind!: SanctionKind;
  @Field(() => ID, { nullable: true }) assessmentId!: string | null;
  @Field() note!: string;
  @Field() issuedAt!: Date;
}

@ObjectType('DevelopmentEvidence', { description: 'Bukti pengembangan kompetensi: a completed training, from the development service' })
export class DevelopmentEvidenceType {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field() programTitle!: string;
  @Field(() => Int, { description: 'JP (jam pelajaran)' }) jp!: number;
  @Field(() => [String]) competencies!: string[];
  @Field(() => String, { nullable: true }) certificateNumber!: string | null;
  @Field() completedAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The SKP of the year it was completed in' }) planId!: string | null;
}

@ObjectType('WorkResultPolicy', { description: 'How realizations against targets become the proposed rating (rule 2), per agency' })
export class WorkResultPolicyType {
  @Field(() => Float) aboveFromPercent!: number;
  @Field(() => Float) meetsFromPercent!: number;
  @Field(() => Float) achievementCapPercent!: number;
  @Field(() => Float) mainBelowMaxPercentForMeets!: number;
}

@ObjectType('PerformanceSettings', { description: 'An agency’s choices where the regulation leaves them open' })
export class PerformanceSettingsType {
  @Field(() => ID) agencyId!: string;
  @Field(() => CadenceEnum) cadence!: Cadence;
  @Field(() => Int) fillInDays!: number;
  @Field(() => Int, { description: '7 (WIB), 8 (WITA) or 9 (WIT)' }) utcOffsetHours!: number;
  @Field(() => DistributionEnforcementEnum) distributionEnforcement!: DistributionEnforcement;
  @Field(() => Int) minJustificationLength!: number;
  @Field(() => WorkResultPolicyType) workResultPolicy!: WorkResultPolicyType;
  @Field(() => [Int], { description: 'Days before each deadline a reminder goes out (0 = on the day)' }) reminderDaysBefore!: number[];
}
