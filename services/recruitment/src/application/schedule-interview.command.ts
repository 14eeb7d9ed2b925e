import { type Application, scheduleInterview } from '../domain/application';
import type { Clock, Repositories } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { applicationForStaff } from './loaders';
import { assertPhase } from './phase';

/** The SKB interview (wawancara) by video conference, scheduled with its link. */
export class ScheduleInterview {
  constructor(
    private readonly repositories: Pick<Repositories, 'applications' | 'selections' | 'committee'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { applicationId: string; at: Date; link: string }): Promise<Application> {
    const { application } = await applicationForStaff(this.repositories, actor, input.applicationId);
    const scheduled = scheduleInterview(application, input.at, input.link.trim(), this.clock.now());
    await assertPhase(this.repositories.selections, application.selectionId, 'SKB', 'An interview');
    await this.repositories.applications.save([{ before: application, after: scheduled }], 'application.interview-scheduled', auditContextOf(actor));
    return scheduled;
  }
}
