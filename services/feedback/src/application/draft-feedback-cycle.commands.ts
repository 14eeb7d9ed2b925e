import { assertAuthenticated, canManageAgency, type Viewer } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';
import { assertEntityId, todayIn } from '@kinerja/kernel';

import { dueDateOnOpening, type FeedbackCycle, raterToAdd, raterToRemove } from '../domain/feedback-cycle';
import type { Clock, EmployeeCopyRepository, FeedbackCycleRepository, IdGenerator, QuestionnaireRepository } from '../domain/repositories';
import { RATER_GROUPS, type RaterGroup } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import { questionnaireOf } from './feedback-questionnaire';
import { employeeNamed } from './reporting-lines';

async function cycleNamed(cycles: FeedbackCycleRepository, cycleId: string): Promise<FeedbackCycle> {
  assertEntityId(cycleId, 'input.cycleId');
  const [cycle] = await cycles.byIds([cycleId]);
  if (!cycle) throw new NotFoundError('FeedbackCycle', cycleId, 'input.cycleId');
  return cycle;
}

function assertHrOf(viewer: Viewer, cycle: FeedbackCycle): void {
  if (!canManageAgency(viewer, cycle.agencyId)) throw new ForbiddenError("The raters of a 360° cycle are changed by the agency's HR admin");
}

/** HR asks one more employee to answer a draft cycle, in a group. */
export class AddFeedbackRater {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly cycles: FeedbackCycleRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: { cycleId: string; raterId: string; group: string }): Promise<FeedbackCycle> {
    assertAuthenticated(actor.viewer);
    const cycle = await cycleNamed(this.cycles, input.cycleId);
    assertHrOf(actor.viewer, cycle);
    if (!(RATER_GROUPS as readonly string[]).includes(input.group))
      throw new ValidationError({ field: 'input.group', message: `must be one of ${RATER_GROUPS.join(', ')}` });
    const rater = await employeeNamed(this.employees, input.raterId, 'input.raterId');
    const added = raterToAdd(cycle, rater, input.group as RaterGroup, await this.cycles.requestsOf(cycle.id));
    await this.cycles.changeRaters(
      cycle,
      { add: { id: this.ids.newId(), cycleId: cycle.id, raterEmployeeId: added.employeeId, group: added.group, answeredAt: null } },
      auditContextOf(actor),
    );
    return cycle;
  }
}

/** HR takes an employee off a draft cycle (the subject's SELF request included). */
export class RemoveFeedbackRater {
  constructor(private readonly cycles: FeedbackCycleRepository) {}

  async execute(actor: Actor, input: { cycleId: string; raterId: string }): Promise<FeedbackCycle> {
    assertAuthenticated(actor.viewer);
    const cycle = await cycleNamed(this.cycles, input.cycleId);
    assertHrOf(actor.viewer, cycle);
    assertEntityId(input.raterId, 'input.raterId');
    const removed = raterToRemove(cycle, input.raterId, await this.cycles.requestsOf(cycle.id));
    await this.cycles.changeRaters(cycle, { remove: removed }, auditContextOf(actor));
    return cycle;
  }
}

/**
 * Whoever started the draft, the subject's supervisor or HR opens it: its raters see their requests
 * from now on, and the cycle keeps the agency's questionnaire as it is at this moment.
 */
export class OpenFeedbackCycle {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly cycles: FeedbackCycleRepository,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { cycleId: string; dueDate?: string | null }): Promise<FeedbackCycle> {
    assertAuthenticated(actor.viewer);
    const cycle = await cycleNamed(this.cycles, input.cycleId);
    const viewer = actor.viewer;
    const [subject] = await this.employees.byIds([cycle.subjectId]);
    const allowed =
      cycle.startedByUserId === viewer.userId ||
      canManageAgency(viewer, cycle.agencyId) ||
      (viewer.employeeId !== null && subject?.supervisorEmployeeId === viewer.employeeId);
    if (!allowed) throw new ForbiddenError('A 360° cycle is opened by whoever started it, the supervisor or HR');
    let dueDate: string;
    try {
      dueDate = dueDateOnOpening(cycle, (await this.cycles.requestsOf(cycle.id)).length, input.dueDate, todayIn(this.clock));
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    const { items } = await questionnaireOf(this.questionnaires, cycle.agencyId);
    return this.cycles.open(cycle, dueDate, items, auditContextOf(actor));
  }
}
