import { assertAuthenticated, canReadAgency } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { canReviewFormation } from '../domain/access.rule';
import { type Formation, reviewFormation } from '../domain/formation';
import type { Clock, FormationRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { fromInput } from './input';

/** The province admin approves a proposed formation, or returns it to the agency with the reason. */
export class ReviewFormation {
  constructor(
    private readonly formations: FormationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { formationId: string; approve: boolean; note: string | null }): Promise<Formation> {
    assertAuthenticated(actor.viewer);
    assertEntityId(input.formationId, 'input.formationId');
    const [formation] = await this.formations.byIds([input.formationId]);
    if (!formation || !canReadAgency(actor.viewer, formation.agencyId)) throw new NotFoundError('Formation', input.formationId, 'input.formationId');
    if (!canReviewFormation(actor.viewer, formation.agencyId)) throw new ForbiddenError('Only the province admin approves or returns formations');
    const reviewed = fromInput(() => reviewFormation(formation, input, actor.viewer.userId, this.clock.now()));
    await this.formations.review(formation, reviewed, auditContextOf(actor));
    return reviewed;
  }
}
