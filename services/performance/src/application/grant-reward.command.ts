import { rewardGranted } from '../domain/events';
import { newReward, type Reward } from '../domain/follow-up.rule';
import type { Clock, IdGenerator } from '../domain/ports';
import type { AssessmentRepository, EmployeeCopyRepository, FollowUpRepository } from '../domain/repositories';
import type { RewardKind } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import { followUpBasis } from './follow-up-basis';

export interface GrantRewardInput {
  employeeId: string;
  kind: RewardKind;
  assessmentId: string | null;
  note: string;
}

const SUPERVISOR_REWARDS: readonly RewardKind[] = ['CERTIFICATE'];

export class GrantReward {
  constructor(
    private readonly copies: EmployeeCopyRepository,
    private readonly assessments: AssessmentRepository,
    private readonly followUps: FollowUpRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: GrantRewardInput): Promise<Reward> {
    const { subject, assessment } = await followUpBasis(
      { copies: this.copies, assessments: this.assessments },
      actor,
      input,
      SUPERVISOR_REWARDS.includes(input.kind),
    );
    const reward = newReward(
      this.ids.newId(),
      {
        agencyId: subject.agencyId,
        employeeId: subject.employeeId,
        assessmentId: input.assessmentId,
        kind: input.kind,
        note: input.note,
        grantedAt: this.clock.now(),
      },
      assessment,
    );
    await this.followUps.grantReward(reward, auditContextOf(actor), [rewardGranted(reward)]);
    return reward;
  }
}
