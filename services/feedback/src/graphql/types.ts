import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import type { CoreValue, DialogueKind, DialogueStatus, NoteKind } from '../domain/vocabulary';
import { CoreValueEnum, DialogueKindEnum, DialogueStatusEnum, NoteKindEnum } from './enums';

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

@ObjectType('PerformanceDialogue', {
  description: 'Dialog kinerja between an employee and their direct supervisor; the party who did not record it acknowledges',
})
@Directive('@key(fields: "id")')
export class PerformanceDialogueType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The agency the dialogue belongs to' }) agencyId!: string;
  @Field(() => EmployeeType) employee!: EmployeeType;
  @Field(() => EmployeeType, { nullable: true, description: 'The direct supervisor at the time' }) supervisor!: EmployeeType | null;
  @Field(() => DialogueKindEnum) kind!: DialogueKind;
  @Field(() => DialogueStatusEnum) status!: DialogueStatus;
  @Field(() => String, { nullable: true, description: 'The day it took place, YYYY-MM-DD' }) date!: string | null;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, { nullable: true, description: 'Kesepakatan: what both parties agreed' }) agreements!: string | null;
  @Field(() => EmployeeType, { nullable: true }) recordedBy!: EmployeeType | null;
  @Field(() => Date, { nullable: true }) recordedAt!: Date | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'A scheduled follow-up: due by this day, YYYY-MM-DD' }) dueBy!: string | null;
  @Field({ description: 'A follow-up after a poor predikat (BUTUH_PERBAIKAN or worse) is required' }) required!: boolean;
}

@ObjectType('FeedbackSettings', { description: "An agency's choices where the regulation lets it choose" })
export class FeedbackSettingsType {
  @Field(() => ID) agencyId!: string;
  @Field(() => Int, { description: 'Days after a finalized assessment within which the follow-up dialogue is due' }) followUpDays!: number;
}
