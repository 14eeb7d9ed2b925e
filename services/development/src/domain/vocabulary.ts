/*
 * The closed word lists of the development service. Each list is an `as const` array so the same
 * source feeds the TypeScript type, the GraphQL enum and the runtime check of incoming events.
 */

/** Competency groups of the ASN competency standard; the seven BerAKHLAK values are BEHAVIOURAL. */
export const COMPETENCY_KINDS = ['TECHNICAL', 'MANAGERIAL', 'SOCIO_CULTURAL', 'BEHAVIOURAL'] as const;
export type CompetencyKind = (typeof COMPETENCY_KINDS)[number];

/** BerAKHLAK, the seven core values work behaviour is judged on. */
export const CORE_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
export type CoreValue = (typeof CORE_VALUES)[number];

export const TRAINING_MODES = ['CLASSROOM', 'E_LEARNING', 'COACHING', 'MENTORING', 'WORKSHOP', 'BLENDED'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];

/** AWAITING_HR_CHOICE holds a gap no programme matched, so it is never dropped silently. */
export const ASSIGNMENT_STATUSES = ['ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'AWAITING_HR_CHOICE'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_REASONS = ['PERFORMANCE_GAP', 'SANCTION_COACHING', 'LATSAR_CPNS', 'DEVELOPMENT_PLAN', 'MANUAL'] as const;
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number];

/** PNS career civil servant, PPPK contract civil servant, CPNS candidate on probation. */
export const EMPLOYMENT_TYPES = ['PNS', 'PPPK', 'CPNS'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Predikat kinerja, best first. */
export const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof PREDIKATS)[number];

function memberOf<T extends string>(list: readonly T[]): (value: string) => value is T {
  return (value: string): value is T => (list as readonly string[]).includes(value);
}

// Event payloads arrive as plain strings from other services; these narrow them without a cast.
export const isCoreValue = memberOf(CORE_VALUES);
export const isPredikat = memberOf(PREDIKATS);
export const isEmploymentType = memberOf(EMPLOYMENT_TYPES);
export const isTrainingMode = memberOf(TRAINING_MODES);
