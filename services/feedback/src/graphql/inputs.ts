import { Field, ID, InputType } from 'type-graphql';

import type { CoreValue, NoteKind } from '../domain/vocabulary';
import { CoreValueEnum, NoteKindEnum } from './enums';

@InputType()
export class RecordFeedbackNoteInput {
  @Field(() => ID, { description: 'A direct subordinate of the caller' }) employeeId!: string;
  @Field(() => NoteKindEnum) kind!: NoteKind;
  @Field(() => [CoreValueEnum], { defaultValue: [], description: 'BerAKHLAK values the note speaks to (optional)' }) values!: CoreValue[];
  @Field() text!: string;
}

@InputType()
export class ReplyToFeedbackNoteInput {
  @Field(() => ID) noteId!: string;
  @Field() text!: string;
}
