export { SERVICES, type TopicAccess, topicAccessOf } from './access';
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
  EMPLOYEE_EVENT_TYPES,
  EMPLOYEE_STATUSES,
  employeeAgencyDoubt,
  type EmployeeEventType,
  type EmployeeState,
  employeeStateOf,
  type EmployeeStatus,
  supersedesCopy,
} from './employee-state';
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
export { CORE_VALUES, EMPLOYMENT_TYPES, EXPECTATION_RATINGS, PREDIKAT, REMINDER_STEPS, type ReminderStep } from './vocabulary';
