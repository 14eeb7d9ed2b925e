import { rewardGranted } from '../domain/events';
import { newReward, type Reward } from '../domain/follow-up.rule';
import type { RewardKind } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import { followUpBasis, type FollowUpDeps, type FollowUpInput } from './follow-up-basis';

export type GrantRewardInput = FollowUpInput<RewardKind>;

const SUPERVISOR_REWARDS: readonly RewardKind[] = ['CERTIFICATE'];

export class GrantReward {
  constructor(private readonly deps: FollowUpDeps) {}

  async execute(actor: Actor, input: GrantRewardInput): Promise<Reward> {
    const { decision, assessment } = await followUpBasis(this.deps, actor, input, SUPERVISOR_REWARDS.includes(input.kind));
    const reward = newReward(this.deps.ids.newId(), { ...decision, grantedAt: this.deps.clock.now() }, assessment);
    await this.deps.followUps.grantReward(reward, auditContextOf(actor), [rewardGranted(reward)]);
    return reward;
  }
}
