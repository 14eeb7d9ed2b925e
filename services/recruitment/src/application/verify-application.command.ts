import { type Application, verify } from '../domain/application';
import type { Clock, Repositories } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { applicationForStaff } from './loaders';
import { assertPhase } from './phase';

/** Administrative verification by HR or the committee: qualified, or not with the reason. */
export class VerifyApplication {
  constructor(
    private readonly repositories: Pick<Repositories, 'applications' | 'selections' | 'committee'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { applicationId: string; qualified: boolean; reason: string | null }): Promise<Application> {
    const { application } = await applicationForStaff(this.repositories, actor, input.applicationId);
    const verified = verify(application, input, this.clock.now());
    await assertPhase(this.repositories.selections, application.selectionId, 'VERIFICATION', 'Verification');
    await this.repositories.applications.save([{ before: application, after: verified }], 'application.verified', auditContextOf(actor));
    return verified;
  }
}
