import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

import {
  ApplicationStatusEnum,
  FormationStatusEnum,
  FunnelStageEnum,
  NormalisationMethodEnum,
  ObjectionStatusEnum,
  SexEnum,
  StageEnum,
  SurveyQuestionEnum,
} from './enums';

@ObjectType('Formation', { description: 'Formasi: posts to recruit for a position, from the needs analysis (analisis kebutuhan)' })
export class FormationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => ID) orgUnitId!: string;
  @Field(() => ID, { nullable: true, description: "identity's Position the hires take" }) positionId!: string | null;
  @Field() positionTitle!: string;
  @Field(() => Int, { description: 'The need from the workload analysis (ABK)' }) need!: number;
  @Field(() => Int) currentHolders!: number;
  @Field(() => Int, { description: 'need − currentHolders' }) gap!: number;
  @Field(() => Int) quota!: number;
  @Field() justification!: string;
  @Field(() => FormationStatusEnum) status!: string;
  @Field(() => String, { nullable: true }) reviewNote!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) reviewedAt!: Date | null;
}

@ObjectType('PassMarks', { description: 'Nilai ambang batas SKD' })
export class PassMarksType {
  @Field(() => Int) twk!: number;
  @Field(() => Int) tiu!: number;
  @Field(() => Int) tkp!: number;
}

@ObjectType('ScoringPolicy')
export class ScoringPolicyType {
  @Field(() => NormalisationMethodEnum) method!: string;
  @Field(() => Float) skbMaximum!: number;
  @Field(() => Float, { description: 'Share of the interview in the SKB (0..1)' }) interviewWeight!: number;
  @Field(() => Float, { description: 'Share of the SKD in the final score (rule 6: 0.4)' }) skdWeight!: number;
}

@ObjectType('Announcement', { description: "Pengumuman: a stage's published results and its objection window (masa sanggah)" })
export class AnnouncementType {
  @Field(() => ID) id!: string;
  @Field(() => StageEnum) stage!: string;
  @Field() announcedAt!: Date;
  @Field() objectionClosesAt!: Date;
}

@ObjectType('Selection', { description: 'A selection (e.g. CPNS 2027 of an agency) with its schedule, pass marks and scoring' })
export class SelectionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Int) year!: number;
  @Field() registrationOpensAt!: Date;
  @Field() registrationClosesAt!: Date;
  @Field(() => String, { nullable: true }) skdDate!: string | null;
  @Field(() => String, { nullable: true }) skbDate!: string | null;
  @Field(() => PassMarksType) passMarks!: PassMarksType;
  @Field(() => ScoringPolicyType) scoring!: ScoringPolicyType;
}

@ObjectType('Vacancy', { description: 'Lowongan: a published vacancy of one approved formation in a selection' })
@Directive('@key(fields: "id")')
export class VacancyType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The agency the vacancy belongs to' }) agencyId!: string;
  @Field(() => ID) selectionId!: string;
  @Field() title!: string;
  @Field({ description: 'Kualifikasi pendidikan' }) education!: string;
  @Field(() => Int) minAge!: number;
  @Field(() => Int) maxAge!: number;
  @Field(() => [String], { description: 'Documents to upload' }) documents!: string[];
  @Field(() => Int, { description: 'Posts of the formation' }) quota!: number;
  @Field() publishedAt!: Date;
}

@ObjectType('VacancyPage')
export class VacancyPageType {
  @Field(() => [VacancyType]) nodes!: VacancyType[];
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('Applicant', { description: 'A registered citizen (pelamar); only they see their own record' })
export class ApplicantType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field({ description: 'NIK, shown only to the applicant' }) nik!: string;
  @Field() birthDate!: string;
  @Field(() => SexEnum) sex!: string;
}

@ObjectType('SkdScores', { description: 'SKD: TWK, TIU, TKP' })
export class SkdScoresType {
  @Field(() => Int) twk!: number;
  @Field(() => Int) tiu!: number;
  @Field(() => Int) tkp!: number;
  @Field(() => Int) total!: number;
}

@ObjectType('Application', { description: "An applicant's application; seen by the applicant and the agency's HR, committee and auditors" })
export class ApplicationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => ID) selectionId!: string;
  @Field(() => ID) vacancyId!: string;
  @Field({ description: 'Nomor peserta' }) registrationNumber!: string;
  @Field(() => ApplicationStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'The verification reason (alasan TMS)' }) verificationNote!: string | null;
  @Field(() => SkdScoresType, { nullable: true }) skd!: SkdScoresType | null;
  @Field(() => Int, { nullable: true }) skdRank!: number | null;
  @Field(() => Float, { nullable: true }) skbScore!: number | null;
  @Field(() => Date, { nullable: true }) interviewAt!: Date | null;
  @Field(() => String, { nullable: true }) interviewLink!: string | null;
  @Field(() => Float, { nullable: true }) interviewScore!: number | null;
  @Field(() => Float, { nullable: true }) finalScore!: number | null;
  @Field(() => Int, { nullable: true }) finalRank!: number | null;
  @Field(() => String, { nullable: true, description: 'The NIP assigned on hiring' }) nip!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the applicant withdrew (or HR recorded it)' }) withdrawnAt!: Date | null;
  @Field() submittedAt!: Date;
}

@ObjectType('ApplicationDocument', { description: 'A document the applicant uploaded for their application (one per type the vacancy asks for)' })
export class ApplicationDocumentType {
  @Field(() => ID) id!: string;
  @Field({ description: 'One of the vacancy’s documents, as the vacancy names it' }) documentType!: string;
  @Field({ description: 'Cleaned of folders and unsafe characters; ends in the extension of the detected type' }) fileName!: string;
  @Field({ description: 'Detected from the content: application/pdf, image/png or image/jpeg' }) contentType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field({ description: 'Hex SHA-256 of the content' }) sha256!: string;
  @Field() uploadedAt!: Date;
  applicationId!: string;
}

@ObjectType('Objection', { description: 'Sanggah: an objection to a stage result' })
export class ObjectionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) applicationId!: string;
  @Field(() => StageEnum) stage!: string;
  @Field() reason!: string;
  @Field(() => ObjectionStatusEnum) status!: string;
  @Field(() => String, { nullable: true }) response!: string | null;
  @Field() filedAt!: Date;
}

@ObjectType('RejectedImportRow')
export class RejectedImportRowType {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' }) row!: number;
  @Field(() => String, { nullable: true }) registrationNumber!: string | null;
  @Field() field!: string;
  @Field() message!: string;
}

@ObjectType('SkdImportReport')
export class SkdImportReportType {
  @Field(() => Int) imported!: number;
  @Field(() => [RejectedImportRowType], { description: 'Rows skipped (only when skipRejectedRows was chosen)' }) rejected!: RejectedImportRowType[];
}

@ObjectType('ResultEntry', { description: 'One published line: registration number and name as announced; never NIK or birth date' })
export class ResultEntryType {
  @Field() registrationNumber!: string;
  @Field() name!: string;
  @Field({ description: 'QUALIFIED/NOT_QUALIFIED; SKB/OUTSIDE_SKB_CUT/BELOW_PASS_MARK; SELECTED/NOT_SELECTED/WITHDRAWN (a selected applicant who withdrew)' })
  outcome!: string;
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field(() => Int, { nullable: true }) twk!: number | null;
  @Field(() => Int, { nullable: true }) tiu!: number | null;
  @Field(() => Int, { nullable: true }) tkp!: number | null;
  @Field(() => Int, { nullable: true }) skdTotal!: number | null;
  @Field(() => Float, { nullable: true }) finalScore!: number | null;
}

@ObjectType('ResultEntryPage', { description: "A page of a stage's published lines: by rank, then registration number; unranked last" })
export class ResultEntryPageType {
  @Field(() => [ResultEntryType]) nodes!: ResultEntryType[];
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' }) endCursor!: string | null;
}

@ObjectType('StageResults')
export class StageResultsType {
  @Field(() => StageEnum) stage!: string;
  @Field() announcedAt!: Date;
  @Field() objectionClosesAt!: Date;
  /** Resolved a page at a time (StageResultsResolver.entries). */
  vacancyId!: string;
}

@ObjectType('SelectionResults', { description: 'Hasil seleksi of a vacancy: announced stages only' })
export class SelectionResultsType {
  @Field(() => VacancyType) vacancy!: VacancyType;
  @Field(() => [StageResultsType]) stages!: StageResultsType[];
}

@ObjectType('CommitteeMember', { description: 'Panitia seleksi: an employee HR appointed to work on a selection' })
export class CommitteeMemberType {
  @Field(() => ID) selectionId!: string;
  @Field(() => ID) employeeId!: string;
  @Field(() => String, { nullable: true, description: "The employee's name as identity last announced it" }) name!: string | null;
  @Field({ description: 'Completed the committee training programme (PANITIA-SELEKSI); untrained members may not work yet' })
  trained!: boolean;
  @Field() appointedAt!: Date;
}

@ObjectType('CommitteeConflict', { description: 'A declared conflict of interest: the member is barred from the application' })
export class CommitteeConflictType {
  @Field(() => ID) selectionId!: string;
  @Field(() => ID) employeeId!: string;
  @Field(() => ID) applicationId!: string;
  @Field() reason!: string;
  @Field() declaredAt!: Date;
}

@ObjectType('FunnelStageCount')
export class FunnelStageCountType {
  @Field(() => FunnelStageEnum) stage!: string;
  @Field(() => Int) count!: number;
  @Field(() => Float, { nullable: true, description: "Share of the previous stage's applications that did not reach this one" })
  dropOff!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median days spent in the stage until the announcement that moved the application on' })
  medianDaysInStage!: number | null;
}

@ObjectType('ObjectionCounts')
export class ObjectionCountsType {
  @Field(() => Int) filed!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int) rejected!: number;
}

@ObjectType('RecruitmentFunnel', { description: "A vacancy's funnel, or (vacancyId null) the agency's in total" })
export class RecruitmentFunnelType {
  @Field(() => ID, { nullable: true }) vacancyId!: string | null;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => [FunnelStageCountType]) stages!: FunnelStageCountType[];
  @Field(() => ObjectionCountsType) objections!: ObjectionCountsType;
}

@ObjectType('ApplicantSurveyToken', { description: 'The one-time token of the applicant survey: shown once, kept only as a hash' })
export class SurveyTokenType {
  @Field(() => ID) applicationId!: string;
  @Field() token!: string;
}

@ObjectType('SurveyReceipt')
export class SurveyReceiptType {
  @Field({ description: 'The day the answer was recorded (nothing else is kept about who answered)' }) answeredOn!: string;
}

@ObjectType('SurveySummary')
export class SurveySummaryType {
  @Field(() => ID) selectionId!: string;
  @Field(() => Int) responses!: number;
  @Field(() => [SurveyQuestionEnum]) questions!: readonly string[];
  @Field(() => [Float], { nullable: 'items', description: 'Mean rating per statement; null while fewer than 3 applicants answered' })
  averages!: (number | null)[];
}
