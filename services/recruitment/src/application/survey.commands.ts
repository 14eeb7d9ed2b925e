import { createHash, randomBytes } from 'node:crypto';

import { ConflictError, NotFoundError, ValidationError } from '@kinerja/errors';
import { assertEntityId, calendarDateIn, type Clock, type IdGenerator } from '@kinerja/kernel';

import type { Repositories, SurveyRepository } from '../domain/repositories';
import { surveyAnswerProblems, surveyOpen } from '../domain/survey.rule';
import { type Actor, auditContextOf } from './actor';

const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The applicant asks for their survey token once the selection's final results are out: a
 * one-time token (only its hash is stored). Asking again before answering replaces it.
 */
export class IssueSurveyToken {
  constructor(
    private readonly repositories: Pick<Repositories, 'applicants' | 'applications' | 'selections' | 'surveys'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { applicationId: string }): Promise<{ applicationId: string; token: string }> {
    assertEntityId(input.applicationId, 'applicationId');
    const applicant = actor.viewer.userId === null ? null : await this.repositories.applicants.byUserId(actor.viewer.userId);
    const [application] = await this.repositories.applications.byIds([input.applicationId]);
    if (!applicant || !application || application.applicantId !== applicant.id) throw new NotFoundError('Application', input.applicationId, 'applicationId');
    if (!surveyOpen(await this.repositories.selections.announcements(application.selectionId)))
      throw new ConflictError('The survey opens when the final results of the selection are announced', { field: 'applicationId' });
    const token = randomBytes(24).toString('base64url');
    const issued = await this.repositories.surveys.issue(
      {
        applicationId: application.id,
        agencyId: application.agencyId,
        selectionId: application.selectionId,
        tokenHash: hashOf(token),
        issuedAt: this.clock.now(),
      },
      auditContextOf(actor),
    );
    if (!issued) throw new ConflictError('The survey of this application was answered already', { field: 'applicationId' });
    return { applicationId: application.id, token };
  }
}

/** Anyone holding a token answers once; the answer carries nothing that names the applicant. */
export class AnswerApplicantSurvey {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(input: { token: string; ratings: readonly number[]; comment: string | null }): Promise<{ answeredOn: string }> {
    const comment = input.comment?.trim() || null;
    const problems = [
      ...(TOKEN.test(input.token) ? [] : [{ field: 'input.token', message: 'is not a survey token' }]),
      ...surveyAnswerProblems(input.ratings, comment),
    ];
    if (problems.length > 0) throw new ValidationError(problems);
    const now = this.clock.now();
    const answeredOn = calendarDateIn(now);
    const outcome = await this.surveys.answer(hashOf(input.token), { id: this.ids.newId(), ratings: input.ratings, comment, answeredOn }, now);
    if (outcome === 'UNKNOWN') throw new ValidationError({ field: 'input.token', message: 'is not a survey token' });
    if (outcome === 'USED') throw new ConflictError('This survey token was used already', { field: 'input.token' });
    return { answeredOn };
  }
}
