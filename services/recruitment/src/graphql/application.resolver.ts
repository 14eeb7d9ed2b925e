import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { ApplyToVacancy } from '../application/apply-to-vacancy.command';
import type { HireApplicant } from '../application/hire-applicant.command';
import type { RecordInterviewScore } from '../application/record-interview-score.command';
import type { RecordTestScores } from '../application/record-test-scores.command';
import type { RecruitmentReader } from '../application/recruitment.reader';
import type { RegisterApplicant } from '../application/register-applicant.command';
import type { ScheduleInterview } from '../application/schedule-interview.command';
import type { UploadApplicationDocument } from '../application/upload-application-document.command';
import type { VerifyApplication } from '../application/verify-application.command';
import type { WithdrawApplication } from '../application/withdraw-application.command';
import type { Applicant } from '../domain/applicant';
import type { ApplicationDocument } from '../domain/application-document';
import { actorOf, type RecruitmentContext } from './context';
import {
  ApplyToVacancyInput,
  RecordInterviewScoreInput,
  RecordTestScoresInput,
  RegisterApplicantInput,
  ScheduleInterviewInput,
  UploadApplicationDocumentInput,
  VerifyApplicationInput,
  WithdrawApplicationInput,
} from './inputs';
import { ApplicantType, ApplicationDocumentType, ApplicationType } from './types';
import { applicationView } from './views';

@Resolver(() => ApplicationType)
export class ApplicationResolver {
  constructor(
    private readonly reader: RecruitmentReader,
    private readonly commands: {
      registerApplicant: RegisterApplicant;
      applyToVacancy: ApplyToVacancy;
      verifyApplication: VerifyApplication;
      recordTestScores: RecordTestScores;
      scheduleInterview: ScheduleInterview;
      recordInterviewScore: RecordInterviewScore;
      hireApplicant: HireApplicant;
      withdrawApplication: WithdrawApplication;
      uploadApplicationDocument: UploadApplicationDocument;
    },
  ) {}

  @Query(() => ApplicantType, { nullable: true, description: "The caller's own applicant record" })
  myApplicant(@Ctx() context: RecruitmentContext): Promise<Applicant | null> {
    return this.reader.myApplicant(context.viewer);
  }

  @Query(() => [ApplicationType], { description: "The caller's own applications with their status" })
  async myApplications(@Ctx() context: RecruitmentContext): Promise<ApplicationType[]> {
    return (await this.reader.myApplications(context.viewer)).map(applicationView);
  }

  @Query(() => ApplicationType)
  async application(@Arg('id', () => ID) id: string, @Ctx() context: RecruitmentContext): Promise<ApplicationType> {
    return applicationView(await this.reader.application(context.viewer, id));
  }

  @Query(() => [ApplicationType], { description: 'The applications of a vacancy, for HR and the selection committee' })
  async applications(@Arg('vacancyId', () => ID) vacancyId: string, @Ctx() context: RecruitmentContext): Promise<ApplicationType[]> {
    return (await this.reader.applicationsOf(context.viewer, vacancyId)).map(applicationView);
  }

  @Mutation(() => ApplicantType, { description: 'An applicant account registers with its NIK (checked) and e-mail' })
  registerApplicant(@Arg('input') input: RegisterApplicantInput, @Ctx() context: RecruitmentContext): Promise<Applicant> {
    return this.commands.registerApplicant.execute(actorOf(context), input);
  }

  @Mutation(() => ApplicationType, { description: 'One application per selection; a retry with the same idempotency key answers the same application' })
  async applyToVacancy(@Arg('input') input: ApplyToVacancyInput, @Ctx() context: RecruitmentContext): Promise<ApplicationType> {
    return applicationView(await this.commands.applyToVacancy.execute(actorOf(context), input));
  }

  @FieldResolver(() => [ApplicationDocumentType], {
    description: 'The uploaded documents; download each at /application-documents/<id> on this subgraph with the bearer token',
  })
  documents(@Root() application: ApplicationType, @Ctx() context: RecruitmentContext): Promise<ApplicationDocument[]> {
    return context.loaders.documents.load(application.id);
  }

  @Mutation(() => ApplicationDocumentType, {
    description:
      'The applicant uploads a document the vacancy asks for (PDF, PNG or JPEG, read from the content), before verification; replaces one of the same type',
  })
  uploadApplicationDocument(@Arg('input') input: UploadApplicationDocumentInput, @Ctx() context: RecruitmentContext): Promise<ApplicationDocument> {
    return this.commands.uploadApplicationDocument.execute(actorOf(context), input);
  }

  @Mutation(() => ApplicationType, { description: 'Seleksi administrasi: qualified (MS) or not (TMS) with the reason' })
  async verifyApplication(@Arg('input') input: VerifyApplicationInput, @Ctx() context: RecruitmentContext): Promise<ApplicationType> {
    return applicationView(await this.commands.verifyApplication.execute(actorOf(context), { ...input, reason: input.reason ?? null }));
  }

  @Mutation(() => ApplicationType, { description: "One applicant's SKD scores (TWK, TIU, TKP) or SKB score" })
  async recordTestScores(@Arg('input') input: RecordTestScoresInput, @Ctx() context: RecruitmentContext): Promise<ApplicationType> {
    return applicationView(
      await this.commands.recordTestScores.execute(actorOf(context), {
        applicationId: input.applicationId,
        skd: input.skd ?? null,
        skbScore: input.skbScore ?? null,
      }),
    );
  }

  @Mutation(() => ApplicationType, { description: 'Schedules the SKB interview (wawancara) by video conference' })
  async scheduleInterview(@Arg('input') input: ScheduleInterviewInput, @Ctx() context: RecruitmentContext): Promise<ApplicationType> {
    return applicationView(await this.commands.scheduleInterview.execute(actorOf(context), input));
  }

  @Mutation(() => ApplicationType)
  async recordInterviewScore(@Arg('input') input: RecordInterviewScoreInput, @Ctx() context: RecruitmentContext): Promise<ApplicationType> {
    return applicationView(await this.commands.recordInterviewScore.execute(actorOf(context), input));
  }

  @Mutation(() => ApplicationType, {
    description:
      'The applicant withdraws (mengundurkan diri), or HR records it, before the hire; a selected applicant’s place goes to the next ranked applicant of the formation',
  })
  async withdrawApplication(@Arg('input') input: WithdrawApplicationInput, @Ctx() context: RecruitmentContext): Promise<ApplicationType> {
    return applicationView(
      await this.commands.withdrawApplication.execute(actorOf(context), { applicationId: input.applicationId, reason: input.reason ?? null }),
    );
  }

  @Mutation(() => ApplicationType, { description: 'Hires a selected applicant: assigns the NIP and publishes recruitment.applicant.hired' })
  async hireApplicant(@Arg('applicationId', () => ID) applicationId: string, @Ctx() context: RecruitmentContext): Promise<ApplicationType> {
    return applicationView(await this.commands.hireApplicant.execute(actorOf(context), { applicationId }));
  }
}
