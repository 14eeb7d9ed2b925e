import { assertAuthenticated, hasRole } from '@kinerja/auth';
import { ConflictError, ForbiddenError } from '@kinerja/errors';
import { todayIn } from '@kinerja/kernel';

import { type Applicant, registerApplicant } from '../domain/applicant';
import type { ApplicantRepository, Clock, IdGenerator } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { fromInput } from './input';

/** A citizen's account (granted APPLICANT by the province) registers once, with a NIK and an e-mail. */
export class RegisterApplicant {
  constructor(
    private readonly applicants: ApplicantRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { nik: string; name: string; email: string }): Promise<Applicant> {
    assertAuthenticated(actor.viewer);
    if (!hasRole(actor.viewer, 'APPLICANT')) throw new ForbiddenError('Only an applicant account registers as an applicant');
    const { userId } = actor.viewer;
    const applicant = fromInput(() => registerApplicant(input, userId, todayIn(this.clock), this.ids, this.clock));
    if (await this.applicants.byUserId(userId)) throw new ConflictError('This account has registered as an applicant already');
    await this.applicants.create(applicant, auditContextOf(actor));
    return applicant;
  }
}
