import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import type { GrantReward } from '../application/grant-reward.command';
import type { IssueSanction } from '../application/issue-sanction.command';
import type { Reward, Sanction } from '../domain/follow-up.rule';
import { actorOf, type PerformanceContext } from './context';
import { GrantRewardInput, IssueSanctionInput } from './inputs';
import { RewardType, SanctionType } from './report.types';

@Resolver()
export class FollowUpResolver {
  constructor(
    private readonly grantRewardCommand: GrantReward,
    private readonly issueSanctionCommand: IssueSanction,
  ) {}

  @Mutation(() => RewardType, { description: 'Penghargaan; recommendations rest on an annual predikat of BAIK or better' })
  grantReward(@Arg('input') input: GrantRewardInput, @Ctx() context: PerformanceContext): Promise<Reward> {
    return this.grantRewardCommand.execute(actorOf(context), { ...input, assessmentId: input.assessmentId ?? null });
  }

  @Mutation(() => SanctionType, { description: 'Sanksi; a discipline referral rests on an annual predikat of KURANG or SANGAT_KURANG' })
  issueSanction(@Arg('input') input: IssueSanctionInput, @Ctx() context: PerformanceContext): Promise<Sanction> {
    return this.issueSanctionCommand.execute(actorOf(context), { ...input, assessmentId: input.assessmentId ?? null });
  }
}
