import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { AnnounceResults } from '../application/announce-results.command';
import type { AnswerObjection } from '../application/answer-objection.command';
import type { FileObjection } from '../application/file-objection.command';
import type { ImportSkdScores, SkdImportReport } from '../application/import-skd-scores.command';
import type { RecruitmentReader } from '../application/recruitment.reader';
import type { Announcement, Objection } from '../domain/stage';
import { actorOf, type RecruitmentContext } from './context';
import { StageEnum } from './enums';
import { AnnounceResultsInput, AnswerObjectionInput, FileObjectionInput, ImportSkdScoresInput } from './inputs';
import { AnnouncementType, ObjectionType, SkdImportReportType } from './types';

@Resolver(() => AnnouncementType)
export class StageResolver {
  constructor(
    private readonly reader: RecruitmentReader,
    private readonly commands: {
      importSkdScores: ImportSkdScores;
      announceResults: AnnounceResults;
      fileObjection: FileObjection;
      answerObjection: AnswerObjection;
    },
  ) {}

  @Query(() => [ObjectionType], { description: 'Objections to a stage, for HR and the selection committee' })
  objections(
    @Arg('selectionId', () => ID) selectionId: string,
    @Arg('stage', () => StageEnum) stage: 'ADMINISTRATION' | 'SKD' | 'FINAL',
    @Ctx() context: RecruitmentContext,
  ): Promise<Objection[]> {
    return this.reader.objections(context.viewer, selectionId, stage);
  }

  @Mutation(() => SkdImportReportType, { description: "The test centre's SKD export (CSV), checked row by row; all or nothing unless skipRejectedRows" })
  importSkdScores(@Arg('input') input: ImportSkdScoresInput, @Ctx() context: RecruitmentContext): Promise<SkdImportReport> {
    return this.commands.importSkdScores.execute(actorOf(context), input);
  }

  @Mutation(() => AnnouncementType, { description: "Publishes a stage's results; refused before the previous stage's objection window closed" })
  announceResults(@Arg('input') input: AnnounceResultsInput, @Ctx() context: RecruitmentContext): Promise<Announcement> {
    return this.commands.announceResults.execute(actorOf(context), input);
  }

  @Mutation(() => ObjectionType, { description: 'Sanggah: the applicant objects to a stage result within its 3-day window' })
  fileObjection(@Arg('input') input: FileObjectionInput, @Ctx() context: RecruitmentContext): Promise<Objection> {
    return this.commands.fileObjection.execute(actorOf(context), input);
  }

  @Mutation(() => ObjectionType, { description: 'HR or the committee answers an objection' })
  answerObjection(@Arg('input') input: AnswerObjectionInput, @Ctx() context: RecruitmentContext): Promise<Objection> {
    return this.commands.answerObjection.execute(actorOf(context), input);
  }
}
