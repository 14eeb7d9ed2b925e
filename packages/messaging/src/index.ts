export { type BrokerRetryOptions, type TransientBrokerError, transientBrokerError, withBrokerRetry } from './broker-retry';
export { groupLag, type PartitionLag } from './consumer-lag';
export { employeeCopyUpdate, forEmployeeEvents, type HeldEmployee } from './employee-events';
export {
  batchable,
  type BatchEventHandler,
  createBatchProcessor,
  createMessageProcessor,
  type DeadLetterCount,
  deadLetterFor,
  DEFAULT_MAX_CLOCK_SKEW_MS,
  DEFAULT_RETRY,
  EventConsumer,
  type EventHandler,
  type HandlerMap,
  type Outcome,
  reasonCodeOf,
  type RetryPolicy,
} from './event-consumer';
export { type Doubt, EventRejectedError, rejectIfDoubted } from './event-rejection';
export {
  claimEvent,
  claimEvents,
  type EventUnit,
  type ExecuteRaw,
  handleEventOnce,
  handleEventOnceWith,
  handleEventsOnce,
  handleEventsOnceWith,
  type QueryRaw,
  type TransactionalClient,
} from './idempotency';
export { InProcessTransport } from './in-process.transport';
export { KafkaTransport } from './kafka.transport';
export { type KafkaConnectionSecurity, kafkaSecurityOptions } from './kafka-client-options';
export { currentTraceparent, type OutboxRow, outboxRow, outboxRowsInsert, outboxRowsOf, toMessage } from './outbox';
export { OutboxRelay } from './outbox-relay';
export { claimChunks, claimReminders, type ReminderClaim, reminderDueRows, type ReminderKeyColumn } from './reminder-claims';
export { DEFAULT_EVENT_RETENTION_DAYS, type PruneResult, RetentionPruner, type RetentionPrunerOptions } from './retention-pruner';
export { catalogueTopics, ensureTopics, TOPIC_RETENTION_DAYS, type TopicSettings } from './topics';
export type { BatchMessageHandler, IncomingMessage, MessageHandler, OutgoingMessage, SubscribeOptions, Subscription, Transport } from './transport';
export { transportFromConfig } from './transport-from-config';
