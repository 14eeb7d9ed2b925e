import { assertAuthenticated, canManageAgency } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';
import { assertEntityId } from '@kinerja/kernel';

import { completedAggregate } from '../domain/anonymity.rule';
import type { FeedbackCycle } from '../domain/feedback-cycle';
import type { Clock, CycleTally, EmployeeCopyRepository, FeedbackCycleRepository, PendingEvent } from '../domain/repositories';
import { CORE_VALUES } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';

/** What closing a cycle publishes: the aggregate per group and value, the anonymity threshold applied. */
export function completedEvent(cycle: FeedbackCycle, tally: CycleTally): PendingEvent<'feedback.cycle.completed'> {
  return {
    type: 'feedback.cycle.completed',
    agencyId: cycle.agencyId,
    payload: {
      cycleId: cycle.id,
      subjectId: cycle.subjectId,
      periodId: cycle.periodId,
      aggregate: completedAggregate(CORE_VALUES, tally.sums, tally.answered),
    },
  };
}

/** Whoever started the cycle, the subject's supervisor or HR closes it; `feedback.cycle.completed` carries the aggregate. */
export class CloseFeedbackCycle {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly cycles: FeedbackCycleRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, cycleId: string): Promise<FeedbackCycle> {
    assertAuthenticated(actor.viewer);
    assertEntityId(cycleId, 'cycleId');
    const [cycle] = await this.cycles.byIds([cycleId]);
    if (!cycle) throw new NotFoundError('FeedbackCycle', cycleId, 'cycleId');
    const [subject] = await this.employees.byIds([cycle.subjectId]);
    const viewer = actor.viewer;
    const allowed =
      cycle.startedByUserId === viewer.userId ||
      canManageAgency(viewer, cycle.agencyId) ||
      (viewer.employeeId !== null && subject?.supervisorEmployeeId === viewer.employeeId);
    if (!allowed) throw new ForbiddenError('A 360° cycle is closed by whoever started it, the supervisor or HR');
    return this.cycles.close(cycle, this.clock.now(), auditContextOf(actor), (closed, tally) => [completedEvent(closed, tally)]);
  }
}
