export { buildAsyncApiDocument } from './asyncapi';
export {
  AUDIT_EVENT_TYPES,
  auditRecordedPayload,
  type DomainEvent,
  EVENT_CATALOGUE,
  EVENT_TYPES,
  type EventDefinition,
  type EventPayload,
  type EventType,
  isEventType,
  NO_AGENCY,
} from './catalogue';
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
