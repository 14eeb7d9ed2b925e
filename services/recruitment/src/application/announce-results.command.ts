import { assertCanManageAgency } from '@kinerja/auth';
import { ConflictError } from '@kinerja/errors';

import type { Application } from '../domain/application';
import { hasObjectionWindowClosed, objectionWindowCloses } from '../domain/objection-window.rule';
import { SKB_MULTIPLIER } from '../domain/ranking.rule';
import type { Clock, IdGenerator, Repositories } from '../domain/repositories';
import { type Announcement, previousStage, type Stage } from '../domain/stage';
import { type Contender, finalResults } from '../domain/stage-outcome';
import { type Actor, auditContextOf } from './actor';
import { selectionForStaff } from './loaders';

/**
 * Publishes a stage's results for the whole selection and opens its objection window. Refused
 * before the previous stage's window closed or while an objection to it is unanswered. The SKD
 * announcement ranks each formation and makes the 3× cut to SKB; the final one selects the quota.
 */
export class AnnounceResults {
  constructor(
    private readonly repositories: Pick<Repositories, 'applications' | 'objections' | 'selections' | 'committee' | 'vacancies'>,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { selectionId: string; stage: Stage }): Promise<Announcement> {
    const selection = await selectionForStaff(this.repositories, actor, input.selectionId);
    assertCanManageAgency(actor.viewer, selection.agencyId);
    const now = this.clock.now();
    const announced = await this.repositories.selections.announcements(selection.id);
    if (announced.some((a) => a.stage === input.stage)) throw new ConflictError(`The ${input.stage} results are announced already`, { field: 'input.stage' });
    const previous = previousStage(input.stage);
    if (previous) {
      const before = announced.find((a) => a.stage === previous);
      if (!before) throw new ConflictError(`Announce the ${previous} results first`, { field: 'input.stage' });
      if (!hasObjectionWindowClosed(before, now)) {
        throw new ConflictError(`The objection window of the ${previous} results is open until ${before.objectionClosesAt.toISOString()}`, {
          field: 'input.stage',
          objectionClosesAt: before.objectionClosesAt.toISOString(),
        });
      }
      const open = (await this.repositories.objections.ofStage(selection.id, previous)).filter((o) => o.status === 'OPEN');
      if (open.length > 0) throw new ConflictError(`${open.length} objection(s) to the ${previous} results are unanswered`, { field: 'input.stage' });
    }

    const announcement: Announcement = {
      id: this.ids.newId(),
      agencyId: selection.agencyId,
      selectionId: selection.id,
      stage: input.stage,
      announcedAt: now,
      objectionClosesAt: objectionWindowCloses(now),
    };
    if (input.stage === 'SKD') {
      // Every formation ranked in the database, set-based (the same rule as skdResults).
      await this.repositories.applications.announceSkd(announcement, selection.passMarks, SKB_MULTIPLIER, auditContextOf(actor));
      return announcement;
    }
    let changed: Application[] = [];
    let contenders: Contender[] = [];
    if (input.stage === 'ADMINISTRATION') {
      // Nothing changes with this announcement: only a count, whatever the size of the selection.
      const unverified = await this.repositories.applications.countWithStatus(selection.id, 'SUBMITTED');
      if (unverified > 0) throw new ConflictError(`${unverified} application(s) are not verified yet`, { field: 'input.stage' });
    } else {
      // The final results concern the SKB participants only: up to 3× the formation.
      contenders = await this.repositories.applications.contenders(selection.id);
      const byVacancy = new Map<string, Contender[]>();
      for (const contender of contenders) {
        const mine = byVacancy.get(contender.application.vacancyId);
        if (mine) mine.push(contender);
        else byVacancy.set(contender.application.vacancyId, [contender]);
      }
      for (const vacancy of await this.repositories.vacancies.ofSelection(selection.id)) {
        changed = changed.concat(finalResults(byVacancy.get(vacancy.id) ?? [], vacancy.quota, selection.scoring, now));
      }
    }
    const previousOf = new Map(contenders.map((c) => [c.application.id, c.application]));
    await this.repositories.applications.announce(
      announcement,
      changed.map((after) => ({ before: previousOf.get(after.id) as Application, after })),
      auditContextOf(actor),
    );
    return announcement;
  }
}
