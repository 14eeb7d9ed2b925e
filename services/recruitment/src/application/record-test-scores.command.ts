import { ValidationError } from '@kinerja/errors';

import { type Application, recordSkb, recordSkd } from '../domain/application';
import type { Clock, Repositories } from '../domain/repositories';
import type { SkdScores } from '../domain/skd.rule';
import { type Actor, auditContextOf } from './actor';
import { applicationForStaff } from './loaders';
import { assertPhase } from './phase';

/** One applicant's SKD scores (TWK, TIU, TKP) or SKB score, recorded by HR or the committee. */
export class RecordTestScores {
  constructor(
    private readonly repositories: Pick<Repositories, 'applications' | 'selections' | 'committee'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { applicationId: string; skd: SkdScores | null; skbScore: number | null }): Promise<Application> {
    if ((input.skd === null) === (input.skbScore === null))
      throw new ValidationError({ field: 'input.skd', message: 'give either the SKD scores or the SKB score' });
    const { application, selection } = await applicationForStaff(this.repositories, actor, input.applicationId);
    const now = this.clock.now();
    const recorded = input.skd ? recordSkd(application, input.skd, now) : recordSkb(application, input.skbScore as number, selection.scoring.skbMaximum, now);
    await assertPhase(this.repositories.selections, selection.id, input.skd ? 'SKD' : 'SKB', input.skd ? 'An SKD score' : 'An SKB score');
    await this.repositories.applications.save(
      [{ before: application, after: recorded }],
      input.skd ? 'application.skd-recorded' : 'application.skb-recorded',
      auditContextOf(actor),
    );
    return recorded;
  }
}
