import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { AssignTraining } from '../application/assign-training.command';
import { CancelTrainingAssignment } from '../application/cancel-training-assignment.command';
import { ChooseProgramForAssignment } from '../application/choose-program-for-assignment.command';
import { type AgencyAssignmentConnection, DevelopmentReader } from '../application/development.reader';
import { RecordTrainingCompletion } from '../application/record-training-completion.command';
import { StartTraining } from '../application/start-training.command';
import type { AssignmentRecord } from '../domain/assignment-record';
import type { Certificate } from '../domain/certificate';
import type { TrainingProgram, TrainingSession } from '../domain/training-program';
import type { AssignmentStatus } from '../domain/vocabulary';
import { actorOf, type DevelopmentContext } from './context';
import { AssignmentStatusEnum } from './enums';
import { gapViews } from './gap-views';
import { AssignTrainingInput, RecordTrainingCompletionInput } from './inputs';
import {
  CertificateType,
  EmployeeType,
  TrainingAssignmentConnectionType,
  TrainingAssignmentType,
  TrainingGapType,
  TrainingProgramType,
  TrainingSessionType,
} from './types';

@Resolver(() => TrainingAssignmentType)
export class TrainingAssignmentResolver {
  constructor(
    private readonly reader: DevelopmentReader,
    private readonly assignTrainingCommand: AssignTraining,
    private readonly startTrainingCommand: StartTraining,
    private readonly cancelCommand: CancelTrainingAssignment,
    private readonly chooseProgramCommand: ChooseProgramForAssignment,
    private readonly recordCompletionCommand: RecordTrainingCompletion,
  ) {}

  @Query(() => TrainingAssignmentType)
  trainingAssignment(@Arg('id', () => ID) id: string, @Ctx() context: DevelopmentContext): Promise<AssignmentRecord> {
    return this.reader.assignment(context.viewer, id);
  }

  @Query(() => TrainingAssignmentConnectionType, {
    description: "HR's work list: the agency's assignments oldest first, e.g. those AWAITING_HR_CHOICE; page with first/after",
  })
  agencyTrainingAssignments(
    @Arg('agencyId', () => ID) agencyId: string,
    @Ctx() context: DevelopmentContext,
    @Arg('status', () => AssignmentStatusEnum, { nullable: true }) status?: AssignmentStatus | null,
    @Arg('first', () => Int, { defaultValue: 50, description: '1-200' }) first = 50,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before' }) after?: string | null,
  ): Promise<AgencyAssignmentConnection> {
    return this.reader.assignmentsOfAgency(context.viewer, agencyId, status ?? null, first, after ?? null);
  }

  @Mutation(() => TrainingAssignmentType, { description: 'HR assigns a programme by hand (reason MANUAL)' })
  assignTraining(@Arg('input') input: AssignTrainingInput, @Ctx() context: DevelopmentContext): Promise<AssignmentRecord> {
    return this.assignTrainingCommand.execute(actorOf(context), { ...input, sessionId: input.sessionId ?? null });
  }

  @Mutation(() => TrainingAssignmentType, { description: 'ASSIGNED → IN_PROGRESS' })
  startTraining(@Arg('assignmentId', () => ID) assignmentId: string, @Ctx() context: DevelopmentContext): Promise<AssignmentRecord> {
    return this.startTrainingCommand.execute(actorOf(context), assignmentId);
  }

  @Mutation(() => TrainingAssignmentType, { description: 'Cancels an unfinished assignment, with the reason' })
  cancelTrainingAssignment(
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('reason') reason: string,
    @Ctx() context: DevelopmentContext,
  ): Promise<AssignmentRecord> {
    return this.cancelCommand.execute(actorOf(context), assignmentId, reason);
  }

  @Mutation(() => TrainingAssignmentType, { description: 'HR chooses the programme for a gap AWAITING_HR_CHOICE' })
  chooseProgramForAssignment(
    @Arg('assignmentId', () => ID) assignmentId: string,
    @Arg('programId', () => ID) programId: string,
    @Ctx() context: DevelopmentContext,
  ): Promise<AssignmentRecord> {
    return this.chooseProgramCommand.execute(actorOf(context), assignmentId, programId);
  }

  @Mutation(() => TrainingAssignmentType, { description: 'Records the result; a pass earns the JP and a certificate' })
  recordTrainingCompletion(@Arg('input') input: RecordTrainingCompletionInput, @Ctx() context: DevelopmentContext): Promise<AssignmentRecord> {
    return this.recordCompletionCommand.execute(actorOf(context), input);
  }

  @FieldResolver(() => EmployeeType)
  employee(@Root() assignment: AssignmentRecord): EmployeeType {
    return { id: assignment.employeeId };
  }

  @FieldResolver(() => TrainingProgramType, { nullable: true, description: 'Null while AWAITING_HR_CHOICE' })
  program(@Root() assignment: AssignmentRecord, @Ctx() context: DevelopmentContext): Promise<TrainingProgram | null> | null {
    return assignment.programId ? context.loaders.programme.load(assignment.programId) : null;
  }

  @FieldResolver(() => TrainingSessionType, { nullable: true })
  session(@Root() assignment: AssignmentRecord, @Ctx() context: DevelopmentContext): Promise<TrainingSession | null> | null {
    return assignment.sessionId ? context.loaders.session.load(assignment.sessionId) : null;
  }

  @FieldResolver(() => CertificateType, { nullable: true, description: 'The certificate of a passed training' })
  certificate(@Root() assignment: AssignmentRecord, @Ctx() context: DevelopmentContext): Promise<Certificate | null> | null {
    return assignment.result === 'PASSED' ? context.loaders.certificate.load(assignment.id) : null;
  }

  @FieldResolver(() => [TrainingGapType], { description: 'The gaps the assignment answers (PERFORMANCE_GAP)' })
  gaps(@Root() assignment: AssignmentRecord): TrainingGapType[] {
    return gapViews(assignment.gaps);
  }
}
