import { Field, ID, InputType, Int } from 'type-graphql';

import type { IkmElement } from '../domain/ikm.rule';
import type { CoreValue, DialogueKind, NoteKind, RaterGroup } from '../domain/vocabulary';
import { CoreValueEnum, DialogueKindEnum, IkmElementEnum, NoteKindEnum, RaterGroupEnum } from './enums';

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

@InputType()
export class RecordDialogueInput {
  @Field(() => ID, { description: 'The employee the dialogue is about (the caller or a direct subordinate)' }) employeeId!: string;
  @Field(() => DialogueKindEnum) kind!: DialogueKind;
  @Field({ description: 'The day it took place, YYYY-MM-DD' }) date!: string;
  @Field() summary!: string;
  @Field({ defaultValue: '', description: 'Kesepakatan: what both parties agreed' }) agreements!: string;
}

@InputType()
export class SetFeedbackSettingsInput {
  @Field(() => ID) agencyId!: string;
  @Field(() => Int) followUpDays!: number;
  @Field(() => [Int], {
    nullable: true,
    description: 'Days before a 360° due date that raters who have not answered are reminded (0 = on the day); unchanged when not given',
  })
  reminderDaysBefore?: number[] | null;
}

@InputType()
export class StartFeedbackCycleInput {
  @Field(() => ID) subjectId!: string;
  @Field(() => ID, { description: "performance's PerformancePeriod" }) periodId!: string;
  @Field(() => String, { nullable: true, description: 'The last day to answer, YYYY-MM-DD (default: two weeks from today)' }) dueDate?: string | null;
}

@InputType()
export class AddFeedbackRaterInput {
  @Field(() => ID) cycleId!: string;
  @Field(() => ID, { description: 'The employee to ask' }) raterId!: string;
  @Field(() => RaterGroupEnum, { description: 'Their relation to the subject (SELF: the subject only)' }) group!: RaterGroup;
}

@InputType()
export class RemoveFeedbackRaterInput {
  @Field(() => ID) cycleId!: string;
  @Field(() => ID) raterId!: string;
}

@InputType()
export class OpenFeedbackCycleInput {
  @Field(() => ID) cycleId!: string;
  @Field(() => String, { nullable: true, description: 'A new last day to answer, YYYY-MM-DD (default: the one given at the start)' }) dueDate?: string | null;
}

@InputType()
export class FeedbackAnswerInput {
  @Field() itemCode!: string;
  @Field(() => Int, { description: '1 (sangat tidak setuju) to 5 (sangat setuju)' }) score!: number;
}

@InputType()
export class SubmitFeedbackInput {
  @Field(() => ID) cycleId!: string;
  @Field(() => [FeedbackAnswerInput]) answers!: FeedbackAnswerInput[];
}

@InputType()
export class SetServiceUnitInput {
  @Field(() => ID, { description: "A unit of the HR admin's agency" }) orgUnitId!: string;
  @Field({ description: 'Whether the unit serves the public (takes citizen surveys)' }) servesPublic!: boolean;
}

@InputType()
export class SurveyAnswerInput {
  @Field(() => IkmElementEnum) element!: IkmElement;
  @Field(() => Int, { description: '1 (tidak baik) to 4 (sangat baik)' }) score!: number;
}

@InputType()
export class SubmitPublicFeedbackInput {
  @Field({ description: 'The one-time token from citizenSurveyToken' }) token!: string;
  @Field(() => [SurveyAnswerInput], { description: 'Each of the nine elements once' }) answers!: SurveyAnswerInput[];
  @Field(() => String, { nullable: true, description: "Read only by the unit's head and HR" }) comment?: string | null;
}

@InputType()
export class FeedbackQuestionInput {
  @Field({ description: 'A short code, unique in the questionnaire, e.g. BP-1' }) code!: string;
  @Field(() => CoreValueEnum, { description: 'The BerAKHLAK value it measures' }) value!: CoreValue;
  @Field({ description: 'The statement about the person rated, in Indonesian' }) text!: string;
}

@InputType()
export class SetFeedbackQuestionnaireInput {
  @Field(() => ID) agencyId!: string;
  @Field(() => [FeedbackQuestionInput], { description: 'Every BerAKHLAK value measured at least once' }) items!: FeedbackQuestionInput[];
}
