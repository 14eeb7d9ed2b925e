import { registerEnumType } from 'type-graphql';

import { MAPPABLE_GAPS } from '../domain/agency-gap-mapping';
import { TRAINING_RESULTS } from '../domain/assignment-record';
import { ASSIGNMENT_REASONS, ASSIGNMENT_STATUSES, COMPETENCY_KINDS, CORE_VALUES, EMPLOYMENT_TYPES, PREDIKATS, TRAINING_MODES } from '../domain/vocabulary';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const CompetencyKindEnum = asEnum(COMPETENCY_KINDS);
export const TrainingModeEnum = asEnum(TRAINING_MODES);
export const AssignmentStatusEnum = asEnum(ASSIGNMENT_STATUSES);
export const AssignmentReasonEnum = asEnum(ASSIGNMENT_REASONS);
export const TrainingResultEnum = asEnum(TRAINING_RESULTS);
export const CoreValueEnum = asEnum(CORE_VALUES);
export const PredikatEnum = asEnum(PREDIKATS);
export const EmploymentTypeEnum = asEnum(EMPLOYMENT_TYPES);
export const GapKindEnum = asEnum(['CORE_VALUE', 'WORK_RESULT', 'OVERALL'] as const);
export const MappableGapEnum = asEnum(MAPPABLE_GAPS);

registerEnumType(CompetencyKindEnum, {
  name: 'CompetencyKind',
  description: 'Kompetensi teknis, manajerial, sosial kultural; the seven BerAKHLAK values are BEHAVIOURAL',
});
registerEnumType(TrainingModeEnum, { name: 'TrainingMode', description: 'How a programme is delivered (klasikal, e-learning, coaching, mentoring…)' });
registerEnumType(AssignmentStatusEnum, {
  name: 'TrainingAssignmentStatus',
  description: 'ASSIGNED → IN_PROGRESS → COMPLETED, or CANCELLED; AWAITING_HR_CHOICE holds a gap no programme matched',
});
registerEnumType(AssignmentReasonEnum, {
  name: 'TrainingAssignmentReason',
  description: 'Why the training was assigned: a performance gap, a coaching sanction, Latsar CPNS, the development plan, or by hand',
});
registerEnumType(TrainingResultEnum, { name: 'TrainingResult', description: 'PASSED earns the JP and a certificate; FAILED earns neither' });
registerEnumType(CoreValueEnum, {
  name: 'CoreValue',
  description: 'BerAKHLAK: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif',
});
registerEnumType(PredikatEnum, { name: 'Predikat', description: 'Predikat kinerja: the final rating of an assessment' });
registerEnumType(EmploymentTypeEnum, {
  name: 'EmploymentType',
  description: 'PNS (career civil servant), PPPK (contract civil servant) or CPNS (PNS candidate in probation)',
});
registerEnumType(GapKindEnum, {
  name: 'TrainingGapKind',
  description: 'What an assessment found lacking: a BerAKHLAK value, a MAIN work result, or the predikat as a whole',
});
registerEnumType(MappableGapEnum, {
  name: 'MappableGap',
  description: 'A gap an agency maps to a programme: a BerAKHLAK value rated BELOW, or WORK_RESULT for every MAIN work result rated BELOW',
});
