import { ConflictError, NotFoundError, ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import type { Application } from '../domain/application';
import type { Clock, Repositories } from '../domain/repositories';
import type { Objection } from '../domain/stage';
import { type Actor, auditContextOf } from './actor';
import { applicationForStaff } from './loaders';

/**
 * HR or the committee answers an objection before the next stage. An accepted objection to the
 * administrative result qualifies the application; the scores of later stages are corrected with
 * recordTestScores before the next announcement.
 */
export class AnswerObjection {
  constructor(
    private readonly repositories: Pick<Repositories, 'applications' | 'objections' | 'selections' | 'committee'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { objectionId: string; accepted: boolean; response: string }): Promise<Objection> {
    assertEntityId(input.objectionId, 'input.objectionId');
    const objection = await this.repositories.objections.byId(input.objectionId);
    if (!objection) throw new NotFoundError('Objection', input.objectionId, 'input.objectionId');
    const { application } = await applicationForStaff(this.repositories, actor, objection.applicationId, 'input.objectionId');
    const response = input.response.trim();
    if (response.length === 0 || response.length > 4000) throw new ValidationError({ field: 'input.response', message: 'must be 1 to 4000 characters' });
    if (objection.status !== 'OPEN') throw new ConflictError('The objection is answered already', { field: 'input.objectionId' });
    const now = this.clock.now();
    const answered: Objection = { ...objection, status: input.accepted ? 'ACCEPTED' : 'REJECTED', response, answeredAt: now };
    let change: { before: Application; after: Application } | null = null;
    if (input.accepted && objection.stage === 'ADMINISTRATION' && application.status === 'NOT_QUALIFIED') {
      change = { before: application, after: { ...application, status: 'QUALIFIED', verificationNote: `Sanggah diterima: ${response}`, updatedAt: now } };
    }
    await this.repositories.objections.answer(objection, answered, change, auditContextOf(actor));
    return answered;
  }
}
