import { canManageAgency } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { canSeeApplication } from '../domain/access.rule';
import { type Application, withdraw } from '../domain/application';
import type { Clock, Repositories } from '../domain/repositories';
import { passOnPlace } from '../domain/withdrawal.rule';
import { type Actor, auditContextOf } from './actor';

/**
 * The applicant withdraws their application, or the agency's HR records that they did. A selected
 * applicant's place goes to the next ranked applicant of the same formation (withdrawal.rule), in
 * the same transaction, with `recruitment.application.withdrawn` in the outbox.
 */
export class WithdrawApplication {
  constructor(
    private readonly repositories: Pick<Repositories, 'applicants' | 'applications'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { applicationId: string; reason: string | null }): Promise<Application> {
    const field = 'input.applicationId';
    assertEntityId(input.applicationId, field);
    const [application] = await this.repositories.applications.byIds([input.applicationId]);
    if (!application || actor.viewer.userId === null) throw new NotFoundError('Application', input.applicationId, field);
    const [applicant] = await this.repositories.applicants.byIds([application.applicantId]);
    const own = applicant !== undefined && applicant.userId === actor.viewer.userId;
    if (!own && !canManageAgency(actor.viewer, application.agencyId)) {
      // Someone else's application: the committee and auditors who may read it are told why; anyone else learns nothing.
      if (canSeeApplication(actor.viewer, application, applicant?.userId ?? null))
        throw new ForbiddenError('Only the applicant, or the agency’s HR on their behalf, withdraws an application');
      throw new NotFoundError('Application', input.applicationId, field);
    }
    const now = this.clock.now();
    const withdrawn = withdraw(application, input.reason, now);
    const formation = application.status === 'SELECTED' ? await this.repositories.applications.ofVacancy(application.vacancyId) : [];
    const promoted = application.status === 'SELECTED' ? passOnPlace(application, formation, now).promoted : null;
    const before = formation.find((a) => a.id === promoted?.id);
    await this.repositories.applications.withdraw(
      { before: application, after: withdrawn },
      promoted && before ? { before, after: promoted } : null,
      {
        type: 'recruitment.application.withdrawn',
        agencyId: application.agencyId,
        payload: {
          applicationId: application.id,
          applicantId: application.applicantId,
          vacancyId: application.vacancyId,
          selectionId: application.selectionId,
          withdrawnFrom: application.status,
          promotedApplicationId: promoted?.id ?? null,
        },
      },
      auditContextOf(actor),
    );
    return withdrawn;
  }
}
