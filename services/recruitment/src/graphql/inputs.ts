import { Field, Float, ID, InputType, Int } from 'type-graphql';

import { NormalisationMethodEnum, StageEnum } from './enums';

@InputType()
export class ProposeFormationInput {
  @Field(() => ID) agencyId!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => ID, { nullable: true }) positionId?: string | null;
  @Field() positionTitle!: string;
  @Field(() => Int, { description: 'The need from the workload analysis (ABK)' }) need!: number;
  @Field(() => Int) currentHolders!: number;
  @Field(() => Int, { description: 'At most need − currentHolders' }) quota!: number;
  @Field() justification!: string;
}

@InputType()
export class ReviewFormationInput {
  @Field(() => ID) formationId!: string;
  @Field(() => String, { nullable: true, description: 'Required when returning' }) note?: string | null;
}

@InputType()
export class PassMarksInput {
  @Field(() => Int) twk!: number;
  @Field(() => Int) tiu!: number;
  @Field(() => Int) tkp!: number;
}

@InputType()
export class ScoringPolicyInput {
  @Field(() => NormalisationMethodEnum, { nullable: true }) method?: 'PERCENT_OF_MAXIMUM' | 'PERCENT_OF_HIGHEST' | null;
  @Field(() => Float, { nullable: true }) skbMaximum?: number | null;
  @Field(() => Float, { nullable: true }) interviewWeight?: number | null;
}

@InputType()
export class CreateSelectionInput {
  @Field(() => ID) agencyId!: string;
  @Field({ description: 'e.g. CPNS2027-KOTALAMA: prefixes the registration numbers' }) code!: string;
  @Field() name!: string;
  @Field(() => Int) year!: number;
  @Field() registrationOpensAt!: Date;
  @Field() registrationClosesAt!: Date;
  @Field(() => String, { nullable: true }) skdDate?: string | null;
  @Field(() => String, { nullable: true }) skbDate?: string | null;
  @Field(() => PassMarksInput, { nullable: true, description: 'Rule 6 defaults: TWK 65, TIU 80, TKP 166' }) passMarks?: PassMarksInput | null;
  @Field(() => ScoringPolicyInput, { nullable: true }) scoring?: ScoringPolicyInput | null;
}

@InputType()
export class PublishVacancyInput {
  @Field(() => ID) formationId!: string;
  @Field(() => ID) selectionId!: string;
  @Field() title!: string;
  @Field() education!: string;
  @Field(() => Int) minAge!: number;
  @Field(() => Int) maxAge!: number;
  @Field(() => [String]) documents!: string[];
}

@InputType()
export class RegisterApplicantInput {
  @Field({ description: 'NIK: 16 digits' }) nik!: string;
  @Field() name!: string;
  @Field() email!: string;
}

@InputType()
export class ApplyToVacancyInput {
  @Field(() => ID) vacancyId!: string;
  @Field({ description: 'Chosen by the client per submit; a retry with the same key answers the same application' }) idempotencyKey!: string;
}

@InputType()
export class VerifyApplicationInput {
  @Field(() => ID) applicationId!: string;
  @Field() qualified!: boolean;
  @Field(() => String, { nullable: true, description: 'Required when not qualified (alasan TMS)' }) reason?: string | null;
}

@InputType()
export class WithdrawApplicationInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => String, { nullable: true, description: 'Why (optional, up to 1000 characters)' }) reason?: string | null;
}

@InputType()
export class UploadApplicationDocumentInput {
  @Field(() => ID) applicationId!: string;
  @Field({ description: 'One of the vacancy’s documents (Vacancy.documents), e.g. Ijazah' }) documentType!: string;
  @Field({ description: 'The file’s name; its extension must agree with the content' }) fileName!: string;
  @Field({ description: 'The file’s bytes in base64: a PDF, PNG or JPEG of at most DOCUMENT_MAX_BYTES (2 MiB by default)' }) contentBase64!: string;
}

@InputType()
export class SkdScoresInput {
  @Field(() => Int) twk!: number;
  @Field(() => Int) tiu!: number;
  @Field(() => Int) tkp!: number;
}

@InputType()
export class RecordTestScoresInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => SkdScoresInput, { nullable: true }) skd?: SkdScoresInput | null;
  @Field(() => Float, { nullable: true }) skbScore?: number | null;
}

@InputType()
export class ImportSkdScoresInput {
  @Field(() => ID) selectionId!: string;
  @Field({ description: 'The export: registration_number,twk,tiu,tkp' }) csv!: string;
  @Field({ defaultValue: false, description: 'Store the valid rows and report the rejected ones, instead of all or nothing' }) skipRejectedRows!: boolean;
}

@InputType()
export class ScheduleInterviewInput {
  @Field(() => ID) applicationId!: string;
  @Field() at!: Date;
  @Field({ description: 'https link of the video conference' }) link!: string;
}

@InputType()
export class RecordInterviewScoreInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => Float) score!: number;
}

@InputType()
export class AnnounceResultsInput {
  @Field(() => ID) selectionId!: string;
  @Field(() => StageEnum) stage!: 'ADMINISTRATION' | 'SKD' | 'FINAL';
}

@InputType()
export class FileObjectionInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => StageEnum) stage!: 'ADMINISTRATION' | 'SKD' | 'FINAL';
  @Field() reason!: string;
}

@InputType()
export class AnswerObjectionInput {
  @Field(() => ID) objectionId!: string;
  @Field() accepted!: boolean;
  @Field() response!: string;
}

@InputType()
export class AppointCommitteeMemberInput {
  @Field(() => ID) selectionId!: string;
  @Field(() => ID, { description: 'An employee of the selection’s agency' }) employeeId!: string;
}

@InputType()
export class DeclareConflictOfInterestInput {
  @Field(() => ID, { description: 'The application of the applicant the member has a conflict with' }) applicationId!: string;
  @Field() reason!: string;
}

@InputType()
export class AnswerApplicantSurveyInput {
  @Field({ description: 'The one-time token from issueSurveyToken' }) token!: string;
  @Field(() => [Int], { description: 'One rating 1–4 per SurveyQuestion, in order' }) ratings!: number[];
  @Field(() => String, { nullable: true }) comment?: string | null;
}
