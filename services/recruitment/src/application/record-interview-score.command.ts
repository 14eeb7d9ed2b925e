import { type Application, recordInterview } from '../domain/application';
import type { Clock, Repositories } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { applicationForStaff } from './loaders';
import { assertPhase } from './phase';

/** The interview's score (0–100), once it is scheduled; its share of the SKB is the selection's. */
export class RecordInterviewScore {
  constructor(
    private readonly repositories: Pick<Repositories, 'applications' | 'selections' | 'committee'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { applicationId: string; score: number }): Promise<Application> {
    const { application } = await applicationForStaff(this.repositories, actor, input.applicationId);
    const scored = recordInterview(application, input.score, this.clock.now());
    await assertPhase(this.repositories.selections, application.selectionId, 'SKB', 'An interview score');
    await this.repositories.applications.save([{ before: application, after: scored }], 'application.interview-scored', auditContextOf(actor));
    return scored;
  }
}
