import type { FeedbackService } from '../../services/feedback/src/feedback.module';
import { login } from '../support/graphql-client';
import { waitFor } from '../support/kafka';
import { type FederatedStack, type StackService, startFederatedStack } from './federated-stack';
import { describeFeedback360 } from './feedback-360.scenario';

/**
 * The 360° flow (feedback-360.scenario.ts) through the gateway with every service on its own
 * database and real Kafka between them: feedback knows the reporting line only from identity's
 * events, performance learns of the closed cycle from feedback's.
 */
let stack: FederatedStack;

describeFeedback360(
  '360° feedback through the gateway over Kafka',
  async () => {
    stack = await startFederatedStack('fb360');
    const feedback = stack.services['feedback'] as StackService<FeedbackService>;
    const published = await stack.backfill();
    await waitFor(async () => (await feedback.service.prisma.employeeCopy.count()) >= published, 30_000, "feedback's copies of every employee");
    return {
      gql: (query, variables, token) => stack.gql(query, variables, token),
      login: (input) => login(stack.url, input),
      // The completed event leaves feedback's outbox through the broker.
      onCompleted: async ({ cycleId, subjectId }) => {
        const outbox = await waitFor(
          async () => {
            const rows = await feedback.service.prisma.outboxEvent.findMany({ where: { type: 'feedback.cycle.completed', key: subjectId } });
            return rows.find((row) => (row.envelope as { payload: { cycleId: string } }).payload.cycleId === cycleId && row.publishedAt !== null);
          },
          15_000,
          'feedback.cycle.completed published to Kafka',
        );
        expect((outbox.envelope as { payload: { aggregate: unknown[] } }).payload.aggregate).toContainEqual({ value: 'KOLABORATIF', average: 4, responses: 3 });
      },
    };
  },
  async () => {
    await stack?.stop();
  },
);
