import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

import type { IkmElement, IkmGrade } from '../domain/ikm.rule';
import type { CoreValue, CycleStatus, DialogueKind, DialogueStatus, NoteKind, RaterGroup } from '../domain/vocabulary';
import { CoreValueEnum, CycleStatusEnum, DialogueKindEnum, DialogueStatusEnum, IkmElementEnum, IkmGradeEnum, NoteKindEnum, RaterGroupEnum } from './enums';

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
  @Field(() => [Int], { description: 'Days before a 360° due date that raters who have not answered are reminded' }) reminderDaysBefore!: number[];
}

@ObjectType('FeedbackQuestion', { description: 'A statement of the 360° questionnaire, answered 1 (sangat tidak setuju) to 5 (sangat setuju)' })
export class QuestionnaireItemType {
  @Field() code!: string;
  @Field(() => CoreValueEnum, { description: 'The BerAKHLAK value it measures' }) value!: CoreValue;
  @Field() text!: string;
}

@ObjectType('FeedbackQuestionnaire', {
  description: "An agency's 360° questionnaire: cycles opened from now on take it; open and closed cycles keep the one they opened with",
})
export class FeedbackQuestionnaireType {
  @Field(() => ID) agencyId!: string;
  @Field({ description: 'True while the agency uses the seeded default (no questionnaire of its own)' }) isDefault!: boolean;
  @Field(() => [QuestionnaireItemType]) items!: QuestionnaireItemType[];
}

@ObjectType('RaterGroupSummary', { description: 'How many of a group were asked and answered; never who' })
export class RaterGroupSummaryType {
  @Field(() => RaterGroupEnum) group!: RaterGroup;
  @Field(() => Int) invited!: number;
  @Field(() => Int) answered!: number;
  @Field({ description: 'Peers and subordinates show only when at least three answered' }) shown!: boolean;
}

@ObjectType('FeedbackRater', { description: 'An employee a draft 360° cycle will ask, and in which group' })
export class FeedbackRaterType {
  @Field(() => EmployeeType) employee!: EmployeeType;
  @Field(() => RaterGroupEnum) group!: RaterGroup;
}

@ObjectType('FeedbackAverage', { description: "A group's average (1–5) on one BerAKHLAK value" })
export class FeedbackAverageType {
  @Field(() => RaterGroupEnum) group!: RaterGroup;
  @Field(() => CoreValueEnum) value!: CoreValue;
  @Field(() => Float) average!: number;
}

@ObjectType('FeedbackCycle', {
  description: "Umpan balik 360° about one employee for one period: input to the behaviour rating, never a replacement for the supervisor's decision",
})
@Directive('@key(fields: "id")')
export class FeedbackCycleType {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => EmployeeType) subject!: EmployeeType;
  @Field(() => ID, { description: "performance's PerformancePeriod" }) periodId!: string;
  @Field(() => CycleStatusEnum) status!: CycleStatus;
  @Field({ description: 'The last day to answer, YYYY-MM-DD' }) dueDate!: string;
  @Field(() => [QuestionnaireItemType]) questionnaire!: QuestionnaireItemType[];
  @Field(() => [RaterGroupSummaryType]) raterGroups!: RaterGroupSummaryType[];
  @Field(() => [FeedbackAverageType], { description: 'Per group and value, once closed, only for the groups shown' }) aggregate!: FeedbackAverageType[];
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
}

@ObjectType('FeedbackRequest', { description: 'A 360° cycle the employee is asked to answer' })
export class FeedbackRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) cycleId!: string;
  @Field(() => EmployeeType, { description: 'The employee to give feedback about' }) subject!: EmployeeType;
  @Field(() => RaterGroupEnum, { description: "The rater's relation to the subject" }) group!: RaterGroup;
  @Field() dueDate!: string;
  @Field(() => [QuestionnaireItemType]) questionnaire!: QuestionnaireItemType[];
}

@ObjectType('FeedbackSubmission', { description: 'The receipt of an answered 360° request' })
export class FeedbackSubmissionType {
  @Field(() => ID) cycleId!: string;
  @Field() answeredAt!: Date;
}

@ObjectType('OrgUnit')
@Directive('@key(fields: "id")')
export class OrgUnitType {
  @Field(() => ID) id!: string;
}

@ObjectType('IkmElementMean', { description: "An element's mean score (1–4) over the period" })
export class IkmElementMeanType {
  @Field(() => IkmElementEnum) element!: IkmElement;
  @Field(() => Float) mean!: number;
}

@ObjectType('CitizenComment', { description: "A citizen's comment on a service unit; nothing links it to an answer or an address" })
export class CitizenCommentType {
  @Field() text!: string;
  @Field({ description: 'The calendar month it was given, YYYY-MM' }) month!: string;
}

@ObjectType('UnitSatisfaction', { description: 'Indeks Kepuasan Masyarakat of a service unit over a calendar period (rule 7)' })
export class UnitSatisfactionType {
  @Field({ description: 'The calendar period: YYYY, YYYY-Qn or YYYY-MM' }) period!: string;
  @Field(() => Float, { nullable: true, description: 'The index, 25–100 (mean of the nine element means × 25); null without answers' }) ikm!: number | null;
  @Field(() => IkmGradeEnum, { nullable: true }) grade!: IkmGrade | null;
  @Field(() => Int, { description: 'How many citizens answered in the period' }) responses!: number;
  @Field(() => [IkmElementMeanType]) perElement!: IkmElementMeanType[];
}

@ObjectType('ServiceUnit', { description: 'A unit HR marked as serving the public: citizens may rate it' })
export class ServiceUnitType {
  @Field(() => ID) orgUnitId!: string;
  @Field(() => ID) agencyId!: string;
  @Field() servesPublic!: boolean;
}

@ObjectType('SurveyToken', { description: "A one-time token to answer a service unit's citizen survey" })
export class SurveyTokenType {
  @Field({ description: 'Spent by submitPublicFeedback; usable once' }) token!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field() expiresAt!: Date;
  @Field(() => [IkmElementEnum], { description: 'The elements to answer, each 1 (tidak baik) to 4 (sangat baik)' }) elements!: IkmElement[];
}

@ObjectType('PublicFeedbackReceipt', { description: 'An accepted citizen survey answer' })
export class PublicFeedbackReceiptType {
  @Field(() => ID) orgUnitId!: string;
  @Field() acceptedAt!: Date;
}
