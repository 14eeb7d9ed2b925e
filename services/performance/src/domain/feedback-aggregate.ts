import type { CoreValue } from './vocabulary';

/**
 * A closed 360° cycle's aggregate as feedback published it (`feedback.cycle.completed`): per
 * BerAKHLAK value, the average (1–5) of the groups shown, null where too few answered. Rule 8: it is
 * input the supervisor reads beside the proposed behaviour rating, never a replacement for their decision.
 */
export interface FeedbackAggregate {
  cycleId: string;
  eventId: string;
  agencyId: string;
  employeeId: string;
  periodId: string;
  values: { value: CoreValue; average: number | null; responses: number }[];
  completedAt: Date;
}
