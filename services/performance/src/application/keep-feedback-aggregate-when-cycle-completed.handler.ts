import type { EventEnvelope } from '@kinerja/events';
import type { EventHandler } from '@kinerja/messaging';

import type { EmployeeCopyRepository, FeedbackAggregateRepository } from '../domain/repositories';

export interface FeedbackAggregateSources {
  copies: EmployeeCopyRepository;
  feedbackAggregates: FeedbackAggregateRepository;
}

/**
 * A closed 360° cycle's aggregate is kept for the subject's period, to be shown beside the proposed
 * behaviour rating when the supervisor finalizes (rule 8: input, never the decision). The agency is
 * the employee's, from the local copy; before the copy has arrived, the envelope's.
 */
export function keepFeedbackAggregateWhenCycleCompleted(sources: FeedbackAggregateSources): {
  'feedback.cycle.completed': EventHandler<'feedback.cycle.completed'>;
} {
  return {
    'feedback.cycle.completed': async (event: EventEnvelope<'feedback.cycle.completed'>) => {
      const { payload } = event;
      const [copy] = await sources.copies.byIds([payload.subjectId]);
      await sources.feedbackAggregates.recordFromEvent({
        cycleId: payload.cycleId,
        eventId: event.id,
        agencyId: copy?.agencyId ?? event.agencyId,
        employeeId: payload.subjectId,
        periodId: payload.periodId,
        values: payload.aggregate.map(({ value, average, responses }) => ({ value, average, responses })),
        completedAt: new Date(event.occurredAt),
      });
    },
  };
}
