import { z } from 'zod';

import { EVENT_CATALOGUE, type EventPayload, type EventType, isEventType } from './catalogue';

/** The one envelope of every event; the same fields travel as Kafka headers for routing and traces. */
export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  version: number;
  agencyId: string;
  occurredAt: string;
  producer: string;
  /** W3C trace context of the change that produced the event. */
  traceparent: string | null;
  payload: EventPayload<T>;
}

export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  version: z.number().int().positive(),
  agencyId: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.string().min(1),
  traceparent: z
    .string()
    .regex(/^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/)
    .nullable(),
  payload: z.unknown(),
});

export class InvalidEventError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(`${message}: ${issues.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

const describe = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);

export interface NewEvent<T extends EventType> {
  id: string;
  type: T;
  agencyId: string;
  producer: string;
  payload: EventPayload<T>;
  occurredAt?: Date;
  traceparent?: string | null;
}

/** Builds an envelope; a payload that does not match its schema never leaves the producer. */
export function createEnvelope<T extends EventType>(event: NewEvent<T>): EventEnvelope<T> {
  const definition = EVENT_CATALOGUE[event.type];
  const payload = definition.payload.safeParse(event.payload);
  if (!payload.success) throw new InvalidEventError(`${event.type} payload is invalid`, describe(payload.error));
  const envelope = {
    id: event.id,
    type: event.type,
    version: definition.version,
    agencyId: event.agencyId,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    producer: event.producer,
    traceparent: event.traceparent ?? null,
    payload: payload.data as EventPayload<T>,
  };
  const checked = envelopeSchema.safeParse(envelope);
  if (!checked.success) throw new InvalidEventError(`${event.type} envelope is invalid`, describe(checked.error));
  return envelope;
}

/** Reads an event off the wire; refuses unknown types, other versions and payloads off their schema. */
export function parseEnvelope(raw: string | Buffer): EventEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch {
    throw new InvalidEventError('not JSON', ['(root): unparseable']);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new InvalidEventError('invalid envelope', describe(envelope.error));
  const { type, version } = envelope.data;
  if (!isEventType(type)) throw new InvalidEventError('unknown event type', [`type: ${type}`]);
  const definition = EVENT_CATALOGUE[type];
  if (version !== definition.version) throw new InvalidEventError('unsupported version', [`version: ${version} (expected ${definition.version})`]);
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) throw new InvalidEventError(`${type} payload is invalid`, describe(payload.error));
  return { ...envelope.data, type, payload: payload.data } as EventEnvelope;
}

/** The partition key of an envelope, from its catalogue definition. */
export function keyOf(envelope: EventEnvelope): string {
  const definition = EVENT_CATALOGUE[envelope.type] as { key: (payload: unknown) => string };
  return definition.key(envelope.payload);
}

export const topicOf = (type: EventType): string => type;
export const deadLetterTopicOf = (topic: string): string => `${topic}.dlq`;
