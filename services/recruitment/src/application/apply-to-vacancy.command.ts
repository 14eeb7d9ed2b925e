import { assertAuthenticated } from '@kinerja/auth';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';
import { assertEntityId, calendarDateIn } from '@kinerja/kernel';

import type { Application } from '../domain/application';
import type { Clock, IdGenerator, Repositories } from '../domain/repositories';
import { registrationState } from '../domain/selection';
import { ageOn } from '../domain/vacancy';
import { type Actor, auditContextOf } from './actor';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * An applicant applies to a vacancy; one application per selection. The idempotency key makes a
 * retried submit answer the application it created, never a second one.
 */
export class ApplyToVacancy {
  constructor(
    private readonly repositories: Pick<Repositories, 'applications'>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { vacancyId: string; idempotencyKey: string }): Promise<Application> {
    assertAuthenticated(actor.viewer);
    assertEntityId(input.vacancyId, 'input.vacancyId');
    if (!IDEMPOTENCY_KEY.test(input.idempotencyKey))
      throw new ValidationError({ field: 'input.idempotencyKey', message: 'must be 8 to 100 letters, digits or ._:-' });
    // One round trip for everything checked here: the hot path of a selection's registration.
    const { applicant, vacancy, selection, existing } = await this.repositories.applications.applyContext(actor.viewer.userId, input.vacancyId);
    if (!applicant) throw new ForbiddenError('Register as an applicant (registerApplicant) before applying');
    if (!vacancy) throw new NotFoundError('Vacancy', input.vacancyId, 'input.vacancyId');
    if (existing) return this.retried(existing, input);
    if (!selection) throw new NotFoundError('Selection', vacancy.selectionId);
    const now = this.clock.now();
    const state = registrationState(selection, now);
    if (state === 'NOT_OPEN') throw new ConflictError('Registration for this selection has not opened yet', { field: 'input.vacancyId' });
    if (state === 'CLOSED') throw new ConflictError('Registration for this selection has closed', { field: 'input.vacancyId' });
    const age = ageOn(applicant.birthDate, calendarDateIn(selection.registrationClosesAt));
    if (age < vacancy.minAge || age > vacancy.maxAge) {
      throw new ConflictError(`The vacancy takes applicants aged ${vacancy.minAge} to ${vacancy.maxAge} when registration closes`, {
        field: 'input.vacancyId',
      });
    }
    const created = await this.repositories.applications.submit(
      {
        id: this.ids.newId(),
        agencyId: vacancy.agencyId,
        selectionId: vacancy.selectionId,
        vacancyId: vacancy.id,
        applicantId: applicant.id,
        idempotencyKey: input.idempotencyKey,
        status: 'SUBMITTED',
        verificationNote: null,
        skd: null,
        skdRank: null,
        skbScore: null,
        interviewAt: null,
        interviewLink: null,
        interviewScore: null,
        finalScore: null,
        finalRank: null,
        nip: null,
        withdrawnFrom: null,
        withdrawnAt: null,
        withdrawalReason: null,
        submittedAt: now,
        updatedAt: now,
      },
      selection.code,
      auditContextOf(actor),
    );
    if (created) return created;
    // A concurrent submit of this applicant committed first: the same key is a retry of it.
    const winner = await this.repositories.applications.ofApplicantInSelection(applicant.id, vacancy.selectionId);
    if (!winner) throw new ConflictError('The application could not be stored; try again');
    return this.retried(winner, input);
  }

  private retried(existing: Application, input: { vacancyId: string; idempotencyKey: string }): Application {
    if (existing.idempotencyKey === input.idempotencyKey && existing.vacancyId === input.vacancyId) return existing;
    throw new ConflictError('You have applied in this selection already: one application per selection', {
      field: 'input.vacancyId',
      applicationId: existing.id,
    });
  }
}
