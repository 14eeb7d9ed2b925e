import { assertCanManageAgency } from '@kinerja/auth';
import { assertEntityId } from '@kinerja/kernel';

import { type Formation, proposeFormation, type ProposeFormationInput } from '../domain/formation';
import type { Clock, FormationRepository, IdGenerator } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { fromInput } from './input';

/** Agency HR proposes a formation from the needs analysis: no larger than the gap, with a justification. */
export class ProposeFormation {
  constructor(
    private readonly formations: FormationRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: ProposeFormationInput): Promise<Formation> {
    assertEntityId(input.agencyId, 'input.agencyId');
    assertEntityId(input.orgUnitId, 'input.orgUnitId');
    if (input.positionId !== null) assertEntityId(input.positionId, 'input.positionId');
    assertCanManageAgency(actor.viewer, input.agencyId);
    const formation = fromInput(() => proposeFormation(input, actor.viewer.userId, this.ids, this.clock));
    await this.formations.create(formation, auditContextOf(actor));
    return formation;
  }
}
