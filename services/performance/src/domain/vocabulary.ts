/**
 * The words of PermenPANRB 6/2022 as closed sets. Each set is an `as const` array so that the
 * GraphQL enums, the Prisma enums and the table tests can all be built from one list; the values
 * keep the regulation's Indonesian names where the regulation names them.
 */

/** Predikat kinerja, best first. KURANG is where behaviour below expectation (misconduct) lands. */
export const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof PREDIKATS)[number];

/** Di atas / sesuai / di bawah ekspektasi: the scale of both the work-result and the behaviour rating. */
export const EXPECTATION_RATINGS = ['ABOVE', 'MEETS', 'BELOW'] as const;
export type ExpectationRating = (typeof EXPECTATION_RATINGS)[number];

/** The seven BerAKHLAK core values, in the regulation's order. */
export const CORE_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
export type CoreValue = (typeof CORE_VALUES)[number];

/** Predikat kinerja organisasi: the unit's own rating, which sets its head's work result and its curve. */
export const UNIT_RATINGS = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type UnitRating = (typeof UNIT_RATINGS)[number];

/** RHK utama / tambahan. */
export const WORK_RESULT_KINDS = ['MAIN', 'ADDITIONAL'] as const;
export type WorkResultKind = (typeof WORK_RESULT_KINDS)[number];

export const INDICATOR_ASPECTS = ['QUANTITY', 'QUALITY', 'TIME', 'COST'] as const;
export type IndicatorAspect = (typeof INDICATOR_ASPECTS)[number];

export const PLAN_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const ASSESSMENT_KINDS = ['ANNUAL', 'PERIODIC'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const REWARD_KINDS = ['CERTIFICATE', 'PERFORMANCE_BONUS_RECOMMENDATION', 'PROMOTION_RECOMMENDATION', 'BEST_TEAM'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

/** Ordered from the mildest: coaching (pembinaan) up to a referral to the discipline procedure. */
export const SANCTION_KINDS = ['COACHING', 'WRITTEN_WARNING', 'DISCIPLINE_REFERRAL'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
