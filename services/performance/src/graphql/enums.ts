import { registerEnumType } from 'type-graphql';

import type { DistributionEnforcement } from '../domain/curve-enforcement.rule';
import type { DistributionBound } from '../domain/distribution-curve.rule';
import { OFFICIAL_DOCUMENT_KINDS } from '../domain/official-document';
import { PERIOD_KINDS } from '../domain/period';
import { CADENCES, PERIOD_STATUSES } from '../domain/period.rule';
import { PLAN_ACTIONS, PLAN_ACTORS } from '../domain/plan-workflow.rule';
import {
  ASSESSMENT_KINDS,
  CORE_VALUES,
  EXPECTATION_RATINGS,
  INDICATOR_ASPECTS,
  PLAN_STATUSES,
  PREDIKATS,
  REWARD_KINDS,
  SANCTION_KINDS,
  UNIT_RATINGS,
  WORK_RESULT_KINDS,
} from '../domain/vocabulary';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const PredikatEnum = asEnum(PREDIKATS);
export const ExpectationRatingEnum = asEnum(EXPECTATION_RATINGS);
export const CoreValueEnum = asEnum(CORE_VALUES);
export const UnitRatingEnum = asEnum(UNIT_RATINGS);
export const WorkResultKindEnum = asEnum(WORK_RESULT_KINDS);
export const IndicatorAspectEnum = asEnum(INDICATOR_ASPECTS);
export const PlanStatusEnum = asEnum(PLAN_STATUSES);
export const PlanActionEnum = asEnum(PLAN_ACTIONS);
export const PlanActorEnum = asEnum(PLAN_ACTORS);
export const AssessmentKindEnum = asEnum(ASSESSMENT_KINDS);
export const RewardKindEnum = asEnum(REWARD_KINDS);
export const SanctionKindEnum = asEnum(SANCTION_KINDS);
export const PeriodKindEnum = asEnum(PERIOD_KINDS);
export const PeriodStatusEnum = asEnum(PERIOD_STATUSES);
export const CadenceEnum = asEnum(CADENCES);
export const OfficialDocumentKindEnum = asEnum(OFFICIAL_DOCUMENT_KINDS);
export const DistributionEnforcementEnum = asEnum<DistributionEnforcement>(['WARN', 'BLOCK']);
export const DistributionBoundEnum = asEnum<DistributionBound>(['AT_MOST', 'AT_LEAST']);

registerEnumType(PredikatEnum, { name: 'Predikat', description: 'Predikat kinerja pegawai: the final rating, from the matrix of work result and behaviour' });
registerEnumType(ExpectationRatingEnum, { name: 'ExpectationRating', description: 'Di atas / sesuai / di bawah ekspektasi' });
registerEnumType(CoreValueEnum, { name: 'CoreValue', description: 'The seven BerAKHLAK core values (perilaku kerja)' });
registerEnumType(UnitRatingEnum, { name: 'UnitRating', description: 'Predikat kinerja organisasi: the unit’s own rating for a year' });
registerEnumType(WorkResultKindEnum, { name: 'WorkResultKind', description: 'RHK utama (MAIN) or tambahan (ADDITIONAL)' });
registerEnumType(IndicatorAspectEnum, { name: 'IndicatorAspect', description: 'Aspek indikator: kuantitas, kualitas, waktu, biaya' });
registerEnumType(PlanStatusEnum, { name: 'PlanStatus', description: 'Where an SKP is in its workflow' });
registerEnumType(PlanActionEnum, {
  name: 'PlanAction',
  description: 'A step of the SKP workflow; EDIT reopens a returned plan as a draft, REVISE an approved one (perubahan SKP)',
});
registerEnumType(PlanActorEnum, { name: 'PlanActor', description: 'The part someone has in an SKP: its employee or their direct supervisor' });
registerEnumType(AssessmentKindEnum, { name: 'AssessmentKind', description: 'Penilaian periodik (a sub-period) or tahunan (the year)' });
registerEnumType(RewardKindEnum, { name: 'RewardKind', description: 'Penghargaan' });
registerEnumType(SanctionKindEnum, { name: 'SanctionKind', description: 'Sanksi, from pembinaan (coaching) up to a referral to discipline' });
registerEnumType(PeriodKindEnum, { name: 'PeriodKind' });
registerEnumType(PeriodStatusEnum, { name: 'PeriodStatus' });
registerEnumType(CadenceEnum, { name: 'Cadence', description: 'How an agency divides the year: monthly or quarterly sub-periods' });
registerEnumType(DistributionEnforcementEnum, {
  name: 'DistributionEnforcement',
  description: 'When a finalization would break the distribution curve: WARN (needs a justification) or BLOCK',
});
registerEnumType(DistributionBoundEnum, { name: 'DistributionBound' });
registerEnumType(OfficialDocumentKindEnum, {
  name: 'OfficialDocumentKind',
  description: 'The official documents of a year: the SKP, and the annual evaluation (dokumen evaluasi kinerja pegawai)',
});
