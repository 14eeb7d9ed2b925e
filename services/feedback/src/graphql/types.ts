import { Directive, Field, ID, ObjectType } from 'type-graphql';

import type { CoreValue, NoteKind } from '../domain/vocabulary';
import { CoreValueEnum, NoteKindEnum } from './enums';

@ObjectType('Employee')
@Directive('@key(fields: "id")')
export class EmployeeType {
  @Field(() => ID) id!: string;
}

@ObjectType('FeedbackNoteReply', { description: "The employee's answer to a note" })
export class FeedbackNoteReplyType {
  @Field() text!: string;
  @Field() repliedAt!: Date;
}

@ObjectType('FeedbackNote', { description: 'Umpan balik berkelanjutan: a note the supervisor wrote for a direct subordinate during the period' })
@Directive('@key(fields: "id")')
export class FeedbackNoteType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The agency the note belongs to' }) agencyId!: string;
  @Field(() => EmployeeType, { description: 'The employee the note is for' }) employee!: EmployeeType;
  @Field(() => EmployeeType, { description: 'The supervisor who wrote it' }) author!: EmployeeType;
  @Field(() => NoteKindEnum) kind!: NoteKind;
  @Field(() => [CoreValueEnum], { description: 'The BerAKHLAK values the note speaks to' }) values!: CoreValue[];
  @Field() text!: string;
  @Field() createdAt!: Date;
  @Field(() => FeedbackNoteReplyType, { nullable: true }) reply!: FeedbackNoteReplyType | null;
}
