import { assertAuthenticated } from '@kinerja/auth';
import { ConflictError, ForbiddenError, ValidationError } from '@kinerja/errors';
import { assertEntityId, todayIn } from '@kinerja/kernel';

import { canStartCycleFor } from '../domain/access.rule';
import { cycleDueDate, type FeedbackCycle, requestsFor } from '../domain/feedback-cycle';
import { deriveRaters } from '../domain/rater.rule';
import type { Clock, EmployeeCopyRepository, FeedbackCycleRepository, IdGenerator, QuestionnaireRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { questionnaireOf } from './feedback-questionnaire';
import { employeeNamed } from './reporting-lines';

/**
 * The subject's supervisor or HR starts a 360° cycle as a draft; the raters come from the reporting
 * line (rule 8), HR may change them, and `openFeedbackCycle` sends the requests.
 */
export class StartFeedbackCycle {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly cycles: FeedbackCycleRepository,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { subjectId: string; periodId: string; dueDate?: string | null }): Promise<FeedbackCycle> {
    assertAuthenticated(actor.viewer);
    assertEntityId(input.periodId, 'input.periodId');
    const subject = await employeeNamed(this.employees, input.subjectId, 'input.subjectId');
    if (!canStartCycleFor(actor.viewer, subject)) throw new ForbiddenError("A 360° cycle is started by the employee's supervisor or their agency's HR");
    if (subject.status === 'LEFT') throw new ConflictError('This employee has left the service', { field: 'input.subjectId' });
    const today = todayIn(this.clock);
    let dueDate: string;
    try {
      dueDate = cycleDueDate(input.dueDate, today);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    if (await this.cycles.ofSubjectAndPeriod(subject.employeeId, input.periodId))
      throw new ConflictError('This employee already has a 360° cycle for the period', { field: 'input.periodId' });
    const cycle: FeedbackCycle = {
      id: this.ids.newId(),
      agencyId: subject.agencyId,
      subjectId: subject.employeeId,
      periodId: input.periodId,
      status: 'DRAFT',
      dueDate,
      // The agency's questionnaire as it is now; opening the draft takes it again, as it is then.
      items: (await questionnaireOf(this.questionnaires, subject.agencyId)).items,
      startedByUserId: actor.viewer.userId,
      createdAt: this.clock.now(),
      closedAt: null,
    };
    const raters = deriveRaters(subject, await this.employees.colleaguesOf(subject));
    await this.cycles.start(
      cycle,
      requestsFor(cycle.id, raters, () => this.ids.newId()),
      auditContextOf(actor),
    );
    return cycle;
  }
}
