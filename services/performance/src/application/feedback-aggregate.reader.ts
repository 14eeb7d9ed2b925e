import type { FeedbackAggregate } from '../domain/feedback-aggregate';
import type { FeedbackAggregateRepository } from '../domain/repositories';

/** The 360° aggregate of plans the viewer already reads (the plan's access decides), keyed `employeeId|periodId`. */
export class FeedbackAggregateReader {
  constructor(private readonly aggregates: FeedbackAggregateRepository) {}

  async ofPlans(keys: readonly string[]): Promise<(FeedbackAggregate | null)[]> {
    const pairs = keys.map((key) => {
      const [employeeId = '', periodId = ''] = key.split('|');
      return { employeeId, periodId };
    });
    const found = await this.aggregates.ofEmployeesInPeriods(pairs);
    return keys.map((key) => found.get(key) ?? null);
  }
}
