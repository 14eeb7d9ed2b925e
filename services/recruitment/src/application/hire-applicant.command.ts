import { assertCanManageAgency } from '@kinerja/auth';
import { ConflictError, NotFoundError } from '@kinerja/errors';
import { calendarDateIn } from '@kinerja/kernel';

import type { Application } from '../domain/application';
import { nextNipSequence, nipFor, nipPrefix } from '../domain/nip-assignment.rule';
import { hasObjectionWindowClosed } from '../domain/objection-window.rule';
import type { Clock, Repositories } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { applicationForStaff } from './loaders';

/**
 * HR hires a selected applicant once the final results' objection window closed with every
 * objection answered: the application gets its NIP (birth date, this month as the CPNS
 * appointment, sex, the next free sequence) and `recruitment.applicant.hired` goes to the outbox
 * in the same transaction. identity creates the CPNS employee; development assigns Latsar CPNS.
 */
export class HireApplicant {
  constructor(
    private readonly repositories: Pick<Repositories, 'applicants' | 'applications' | 'objections' | 'selections' | 'committee' | 'vacancies' | 'formations'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { applicationId: string }): Promise<Application> {
    const { application, selection } = await applicationForStaff(this.repositories, actor, input.applicationId);
    assertCanManageAgency(actor.viewer, application.agencyId);
    if (application.status !== 'SELECTED') {
      throw new ConflictError(`Application ${application.registrationNumber} is ${application.status}; only a selected applicant is hired`, {
        field: 'input.applicationId',
      });
    }
    const now = this.clock.now();
    const final = (await this.repositories.selections.announcements(selection.id)).find((a) => a.stage === 'FINAL');
    if (!final || !hasObjectionWindowClosed(final, now))
      throw new ConflictError('The objection window of the final results is still open', { field: 'input.applicationId' });
    if ((await this.repositories.objections.ofStage(selection.id, 'FINAL')).some((o) => o.status === 'OPEN')) {
      throw new ConflictError('Objections to the final results are unanswered', { field: 'input.applicationId' });
    }
    const [[applicant], [vacancy]] = await Promise.all([
      this.repositories.applicants.byIds([application.applicantId]),
      this.repositories.vacancies.byIds([application.vacancyId]),
    ]);
    if (!applicant || !vacancy) throw new NotFoundError('Application', application.id, 'input.applicationId');
    const [formation] = await this.repositories.formations.byIds([vacancy.formationId]);
    if (!formation) throw new NotFoundError('Formation', vacancy.formationId);

    const appointmentMonth = calendarDateIn(now).slice(0, 7);
    const prefix = nipPrefix(nipFor(applicant.birthDate, appointmentMonth, applicant.sex, 1));
    return this.repositories.applications.hire(
      application,
      now,
      { prefix, choose: (taken) => nipFor(applicant.birthDate, appointmentMonth, applicant.sex, nextNipSequence(taken)) },
      (hired) => ({
        type: 'recruitment.applicant.hired',
        agencyId: hired.agencyId,
        payload: {
          applicationId: hired.id,
          applicantId: applicant.id,
          vacancyId: vacancy.id,
          agencyId: hired.agencyId,
          orgUnitId: formation.orgUnitId,
          positionId: formation.positionId,
          name: applicant.name,
          nip: hired.nip as string,
          email: applicant.email,
          employmentType: 'CPNS',
        },
      }),
      auditContextOf(actor),
    );
  }
}
