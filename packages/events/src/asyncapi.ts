import { z } from 'zod';

import { EVENT_CATALOGUE, EVENT_TYPES } from './catalogue';
import { deadLetterTopicOf, envelopeSchema, topicOf } from './envelope';

const pascal = (type: string) =>
  type
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/**
 * The AsyncAPI 3 document of the catalogue, for other teams. Payload schemas come from zod's own
 * JSON Schema output, inlined (references produced by zod do not resolve inside the document).
 */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const envelope = z.toJSONSchema(envelopeSchema, { io: 'output', unrepresentable: 'any' }) as { properties: Record<string, unknown> };
  for (const type of EVENT_TYPES) {
    const definition = EVENT_CATALOGUE[type];
    const name = pascal(type);
    const payload = z.toJSONSchema(definition.payload, { io: 'output', unrepresentable: 'any' });
    delete (payload as { $schema?: string }).$schema;
    messages[name] = {
      name: type,
      title: type,
      summary: definition.description,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          'event-id': { type: 'string', format: 'uuid' },
          'event-type': { type: 'string', const: type },
          'event-version': { type: 'string', const: String(definition.version) },
          'agency-id': { type: 'string', format: 'uuid' },
          traceparent: { type: 'string', description: 'W3C trace context of the producing change' },
        },
      },
      payload: {
        type: 'object',
        required: ['id', 'type', 'version', 'agencyId', 'occurredAt', 'producer', 'traceparent', 'payload'],
        properties: { ...envelope.properties, type: { type: 'string', const: type }, version: { type: 'integer', const: definition.version }, payload },
      },
    };
    channels[name] = {
      address: topicOf(type),
      description: `${definition.description} Keyed by the employee (or applicant) so their events stay in order. Version ${definition.version}. Failed deliveries go to ${deadLetterTopicOf(topicOf(type))}.`,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    operations[`publish${name}`] = {
      action: 'send',
      title: `${definition.producer} publishes ${type}`,
      channel: { $ref: `#/channels/${name}` },
      messages: [{ $ref: `#/channels/${name}/messages/${name}` }],
    };
    if (definition.consumers.length === 0) continue;
    channels[`${name}DeadLetters`] = {
      address: deadLetterTopicOf(topicOf(type)),
      description: `${type} messages a consumer could not handle (invalid, or failing after retries), kept with their original value and headers.`,
      messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
    };
    for (const consumer of definition.consumers) {
      operations[`${consumer}Receives${name}`] = {
        action: 'receive',
        title: `${consumer} handles ${type}`,
        description: `Consumer group \`${consumer}\`; idempotent by event id.`,
        channel: { $ref: `#/channels/${name}` },
        messages: [{ $ref: `#/channels/${name}/messages/${name}` }],
      };
      operations[`${consumer}DeadLetters${name}`] = {
        action: 'send',
        title: `${consumer} dead-letters ${type}`,
        channel: { $ref: `#/channels/${name}DeadLetters` },
        messages: [{ $ref: `#/channels/${name}DeadLetters/messages/DeadLetter` }],
      };
    }
  }
  messages['DeadLetter'] = {
    name: 'dead-letter',
    title: 'Dead letter',
    summary: 'The original message, unchanged (it may not even be JSON), with why and where it failed.',
    contentType: 'text/plain',
    headers: {
      type: 'object',
      properties: {
        'dlq-reason': { type: 'string', description: 'INVALID_EVENT: … or HANDLER_FAILED after N attempts: …' },
        'dlq-consumer': { type: 'string', description: 'the consumer group that gave up' },
        'dlq-original-topic': { type: 'string' },
        'dlq-original-partition': { type: 'string' },
        'dlq-original-offset': { type: 'string' },
        'dlq-failed-at': { type: 'string', format: 'date-time' },
      },
    },
    payload: { type: 'string', description: 'the original message value' },
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Kinerja events',
      version: '1.0.0',
      description:
        'Events the Kinerja services exchange over Kafka. Every event is published through a transactional outbox, carries a unique id, the agency, the occurrence time and the trace context, and is handled idempotently.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
