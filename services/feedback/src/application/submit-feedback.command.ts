import { assertAuthenticated } from '@kinerja/auth';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';
import { assertEntityId, todayIn } from '@kinerja/kernel';

import type { ScoreSum } from '../domain/anonymity.rule';
import { assertAcceptsAnswers, sumsOfAnswers } from '../domain/feedback-cycle';
import type { Clock, FeedbackCycleRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

export interface SubmitFeedbackInput {
  cycleId: string;
  answers: readonly { itemCode: string; score: number }[];
}

/** A rater answers every item of the cycle's questionnaire once; only the group's sums are kept. */
export class SubmitFeedback {
  constructor(
    private readonly cycles: FeedbackCycleRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: SubmitFeedbackInput): Promise<{ cycleId: string; answeredAt: Date }> {
    assertAuthenticated(actor.viewer);
    assertEntityId(input.cycleId, 'input.cycleId');
    const [cycle] = await this.cycles.byIds([input.cycleId]);
    if (!cycle) throw new NotFoundError('FeedbackCycle', input.cycleId, 'input.cycleId');
    const request = actor.viewer.employeeId === null ? null : await this.cycles.requestOf(cycle.id, actor.viewer.employeeId);
    if (!request) throw new ForbiddenError('You are not a rater of this feedback cycle');
    if (request.answeredAt) throw new ConflictError('You have already answered this feedback cycle', { field: 'input.cycleId', reason: 'ALREADY_ANSWERED' });
    assertAcceptsAnswers(cycle, todayIn(this.clock));
    let sums: ScoreSum[];
    try {
      sums = sumsOfAnswers(cycle.items, request.group, input.answers);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    const answeredAt = this.clock.now();
    await this.cycles.submit(request, answeredAt, sums, auditContextOf(actor));
    return { cycleId: cycle.id, answeredAt };
  }
}
