import { registerEnumType } from 'type-graphql';

import { CORE_VALUES, NOTE_KINDS } from '../domain/vocabulary';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const CoreValueEnum = asEnum(CORE_VALUES);
export const NoteKindEnum = asEnum(NOTE_KINDS);

registerEnumType(CoreValueEnum, { name: 'CoreValue', description: 'The seven BerAKHLAK core values (perilaku kerja)' });
registerEnumType(NoteKindEnum, { name: 'FeedbackNoteKind', description: 'Umpan balik berkelanjutan: PRAISE (apresiasi) or IMPROVEMENT (perbaikan)' });
