import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import type { CommitteeConflict } from '../domain/committee';
import { conflictReasonProblem } from '../domain/committee.rule';
import type { Clock, Repositories } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

/**
 * A committee member declares a conflict of interest with an applicant (by their application):
 * from then on the member is barred from that application. Declaring needs no training.
 */
export class DeclareConflictOfInterest {
  constructor(
    private readonly repositories: Pick<Repositories, 'applications' | 'committee'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { applicationId: string; reason: string }): Promise<CommitteeConflict> {
    assertEntityId(input.applicationId, 'input.applicationId');
    const reasonProblem = conflictReasonProblem(input.reason);
    if (reasonProblem) throw new ValidationError({ field: 'input.reason', message: reasonProblem });
    const [application] = await this.repositories.applications.byIds([input.applicationId]);
    if (!application || actor.viewer.userId === null || actor.viewer.agencyId !== application.agencyId)
      throw new NotFoundError('Application', input.applicationId, 'input.applicationId');
    const employeeId = actor.viewer.employeeId;
    const standing = employeeId === null ? null : await this.repositories.committee.standing(application.selectionId, employeeId);
    if (!standing?.appointed || employeeId === null) throw new ForbiddenError('Only a member of the selection’s committee declares a conflict of interest');
    const conflict: CommitteeConflict = {
      selectionId: application.selectionId,
      employeeId,
      applicationId: application.id,
      agencyId: application.agencyId,
      reason: input.reason.trim(),
      declaredAt: this.clock.now(),
    };
    await this.repositories.committee.declareConflict(conflict, auditContextOf(actor));
    return conflict;
  }
}
