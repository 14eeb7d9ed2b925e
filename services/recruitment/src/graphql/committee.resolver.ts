import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { AppointCommitteeMember } from '../application/appoint-committee-member.command';
import type { CommitteeReader } from '../application/committee.reader';
import type { DeclareConflictOfInterest } from '../application/declare-conflict-of-interest.command';
import type { CommitteeConflict, CommitteeMember } from '../domain/committee';
import { actorOf, type RecruitmentContext } from './context';
import { AppointCommitteeMemberInput, DeclareConflictOfInterestInput } from './inputs';
import { CommitteeConflictType, CommitteeMemberType } from './types';

@Resolver(() => CommitteeMemberType)
export class CommitteeResolver {
  constructor(
    private readonly reader: CommitteeReader,
    private readonly commands: { appoint: AppointCommitteeMember; declareConflict: DeclareConflictOfInterest },
  ) {}

  @Query(() => [CommitteeMemberType], { description: "A selection's committee, for the agency's HR and committee" })
  selectionCommittee(@Arg('selectionId', () => ID) selectionId: string, @Ctx() context: RecruitmentContext): Promise<CommitteeMember[]> {
    return this.reader.members(context.viewer, selectionId);
  }

  @Mutation(() => CommitteeMemberType, { description: "HR appoints an employee of the agency to a selection's committee" })
  appointCommitteeMember(@Arg('input') input: AppointCommitteeMemberInput, @Ctx() context: RecruitmentContext): Promise<CommitteeMember> {
    return this.commands.appoint.execute(actorOf(context), input);
  }

  @Mutation(() => CommitteeConflictType, {
    description: 'A committee member declares a conflict of interest with an applicant; it bars them from the application',
  })
  declareConflictOfInterest(@Arg('input') input: DeclareConflictOfInterestInput, @Ctx() context: RecruitmentContext): Promise<CommitteeConflict> {
    return this.commands.declareConflict.execute(actorOf(context), input);
  }
}
