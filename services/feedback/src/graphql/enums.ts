import { registerEnumType } from 'type-graphql';

import { IKM_ELEMENTS } from '../domain/ikm.rule';
import { CORE_VALUES, CYCLE_STATUSES, DIALOGUE_KINDS, DIALOGUE_STATUSES, NOTE_KINDS, RATER_GROUPS } from '../domain/vocabulary';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const CoreValueEnum = asEnum(CORE_VALUES);
export const NoteKindEnum = asEnum(NOTE_KINDS);
export const DialogueKindEnum = asEnum(DIALOGUE_KINDS);
export const DialogueStatusEnum = asEnum(DIALOGUE_STATUSES);
export const RaterGroupEnum = asEnum(RATER_GROUPS);
export const CycleStatusEnum = asEnum(CYCLE_STATUSES);

registerEnumType(CoreValueEnum, { name: 'CoreValue', description: 'The seven BerAKHLAK core values (perilaku kerja)' });
registerEnumType(NoteKindEnum, { name: 'FeedbackNoteKind', description: 'Umpan balik berkelanjutan: PRAISE (apresiasi) or IMPROVEMENT (perbaikan)' });
registerEnumType(DialogueKindEnum, {
  name: 'DialogueKind',
  description: 'Dialog kinerja: PLANNING (before the SKP is set), MONITORING (during the period), FOLLOW_UP (after an assessment)',
});
registerEnumType(DialogueStatusEnum, {
  name: 'DialogueStatus',
  description: 'DUE: a follow-up not recorded yet; RECORDED: awaiting the other party; ACKNOWLEDGED',
});
registerEnumType(RaterGroupEnum, {
  name: 'RaterGroup',
  description: '360°: the supervisor (atasan), peers (rekan kerja), direct subordinates (bawahan), self (diri sendiri)',
});
registerEnumType(CycleStatusEnum, {
  name: 'FeedbackCycleStatus',
  description: 'DRAFT: started, HR may still add or remove raters; OPEN: raters answer; CLOSED: the aggregate shows',
});

export const IkmElementEnum = asEnum(IKM_ELEMENTS);
export const IkmGradeEnum = asEnum(['A', 'B', 'C', 'D'] as const);

registerEnumType(IkmElementEnum, {
  name: 'IkmElement',
  description:
    'The nine elements of the citizen satisfaction survey (SKM): persyaratan, prosedur, waktu, biaya, produk, kompetensi and perilaku pelaksana, penanganan pengaduan, sarana prasarana',
});
registerEnumType(IkmGradeEnum, { name: 'IkmGrade', description: 'Mutu pelayanan: A (IKM >= 88.31), B (>= 76.61), C (>= 65.00), D below' });
