import type { AuditContext } from '@kinerja/database';
import { todayIn } from '@kinerja/kernel';

import type { FeedbackCycle } from '../domain/feedback-cycle';
import type { Clock, FeedbackCycleRepository } from '../domain/repositories';
import { completedEvent } from './close-feedback-cycle.command';

/** The audit rows of the job name it instead of a user. */
const JOB_AUDIT: AuditContext = { actorUserId: null, requestId: 'job:close-due-feedback-cycles' };

/**
 * Closes every open cycle whose due date has passed (a cycle takes answers through its due day,
 * WIB), in batches, each with its `feedback.cycle.completed`. Every replica runs it; the repository
 * lets each cycle close once.
 */
export class CloseDueFeedbackCycles {
  constructor(
    private readonly cycles: FeedbackCycleRepository,
    private readonly clock: Clock,
    private readonly batchSize = 100,
  ) {}

  async execute(): Promise<FeedbackCycle[]> {
    const closed: FeedbackCycle[] = [];
    for (;;) {
      const batch = await this.cycles.closeDue(todayIn(this.clock), this.clock.now(), this.batchSize, JOB_AUDIT, (cycle, tally) => [
        completedEvent(cycle, tally),
      ]);
      closed.push(...batch);
      if (batch.length < this.batchSize) return closed;
    }
  }
}
