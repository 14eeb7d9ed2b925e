import { assertAuthenticated } from '@kinerja/auth';
import { ConflictError, NotFoundError, ValidationError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { isObjectionWindowOpen } from '../domain/objection-window.rule';
import type { Clock, IdGenerator, Repositories } from '../domain/repositories';
import type { Objection, Stage } from '../domain/stage';
import { type Actor, auditContextOf } from './actor';

/** The applicant objects (sanggah) to a stage's result of their own application, within its window. */
export class FileObjection {
  constructor(
    private readonly repositories: Pick<Repositories, 'applicants' | 'applications' | 'objections' | 'selections'>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { applicationId: string; stage: Stage; reason: string }): Promise<Objection> {
    assertAuthenticated(actor.viewer);
    assertEntityId(input.applicationId, 'input.applicationId');
    const reason = input.reason.trim();
    if (reason.length < 10 || reason.length > 4000) throw new ValidationError({ field: 'input.reason', message: 'must be 10 to 4000 characters' });
    const applicant = await this.repositories.applicants.byUserId(actor.viewer.userId);
    const [application] = await this.repositories.applications.byIds([input.applicationId]);
    // Only one's own application: anyone else's answers as unknown.
    if (!applicant || !application || application.applicantId !== applicant.id)
      throw new NotFoundError('Application', input.applicationId, 'input.applicationId');
    const announcement = (await this.repositories.selections.announcements(application.selectionId)).find((a) => a.stage === input.stage);
    if (!announcement) throw new ConflictError(`The ${input.stage} results are not announced yet`, { field: 'input.stage' });
    const now = this.clock.now();
    if (!isObjectionWindowOpen(announcement, now)) {
      throw new ConflictError(`The objection window of the ${input.stage} results closed at ${announcement.objectionClosesAt.toISOString()}`, {
        field: 'input.stage',
      });
    }
    const objection: Objection = {
      id: this.ids.newId(),
      agencyId: application.agencyId,
      selectionId: application.selectionId,
      applicationId: application.id,
      stage: input.stage,
      reason,
      status: 'OPEN',
      response: null,
      filedAt: now,
      answeredAt: null,
    };
    await this.repositories.objections.file(objection, auditContextOf(actor));
    return objection;
  }
}
