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
  }
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
