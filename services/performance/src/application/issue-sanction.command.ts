import { sanctionIssued } from '../domain/events';
import { newSanction, type Sanction } from '../domain/follow-up.rule';
import type { SanctionKind } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import { followUpBasis, type FollowUpDeps, type FollowUpInput } from './follow-up-basis';

export type IssueSanctionInput = FollowUpInput<SanctionKind>;

/** Coaching (pembinaan) and written warnings may come from the direct supervisor; a discipline referral does not. */
const SUPERVISOR_SANCTIONS: readonly SanctionKind[] = ['COACHING', 'WRITTEN_WARNING'];

export class IssueSanction {
  constructor(private readonly deps: FollowUpDeps) {}

  async execute(actor: Actor, input: IssueSanctionInput): Promise<Sanction> {
    const { decision, assessment } = await followUpBasis(this.deps, actor, input, SUPERVISOR_SANCTIONS.includes(input.kind));
    const sanction = newSanction(this.deps.ids.newId(), { ...decision, issuedAt: this.deps.clock.now() }, assessment);
    await this.deps.followUps.issueSanction(sanction, auditContextOf(actor), [sanctionIssued(sanction)]);
    return sanction;
  }
}
