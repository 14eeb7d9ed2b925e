export { SERVICES, type TopicAccess, topicAccessOf } from './access';
export { buildAsyncApiDocument } from './asyncapi';
export { type DomainEvent, EVENT_CATALOGUE, EVENT_TYPES, type EventDefinition, type EventPayload, type EventType, isEventType } from './catalogue';
export {
  createEnvelope,
  deadLetterTopicOf,
  envelopeSchema,
  type EventEnvelope,
  InvalidEventError,
  keyOf,
  type NewEvent,
  parseEnvelope,
  topicOf,
} from './envelope';
export { CORE_VALUES, EMPLOYMENT_TYPES, EXPECTATION_RATINGS, PREDIKAT } from './vocabulary';
