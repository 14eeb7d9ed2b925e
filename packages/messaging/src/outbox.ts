import { randomUUID } from 'node:crypto';

import { createEnvelope, type DomainEvent, type EventEnvelope, type EventType, keyOf, type NewEvent, topicOf } from '@kinerja/events';
import { context, propagation } from '@opentelemetry/api';

import type { OutgoingMessage } from './transport';

/**
 * The row a repository writes into its service's `outbox_event` table in the same transaction as
 * the change (Prisma: `tx.outboxEvent.create({ data: outboxRow(...) })`). Every service declares
 * the same model; see packages/messaging/README.md.
 */
export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  type: string;
  envelope: object;
}

/** The current W3C trace context, so the consumer's span links to the change that caused it. */
export function currentTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'] ?? null;
}

/** Validates the event against the catalogue (nothing invalid leaves a service) and builds its row. */
export function outboxRow<T extends EventType>(event: Omit<NewEvent<T>, 'id' | 'traceparent'> & { id?: string }): OutboxRow {
  const envelope = createEnvelope({ ...event, id: event.id ?? randomUUID(), traceparent: currentTraceparent() });
  return { id: envelope.id, topic: topicOf(envelope.type), key: keyOf(envelope), type: envelope.type, envelope };
}

/** The outbox rows of the events a change produced (`tx.outboxEvent.createMany({ data })`), validated. */
export function outboxRowsOf(producer: string, events: readonly DomainEvent[]): OutboxRow[] {
  return events.map((event) => outboxRow({ type: event.type, agencyId: event.agencyId, producer, payload: event.payload }));
}

/** The wire form of an envelope: JSON value plus headers for routing without parsing, and traces. */
export function toMessage(topic: string, key: string, envelope: EventEnvelope): OutgoingMessage {
  return {
    topic,
    key,
    value: JSON.stringify(envelope),
    headers: {
      'event-id': envelope.id,
      'event-type': envelope.type,
      'event-version': String(envelope.version),
      'agency-id': envelope.agencyId,
      ...(envelope.traceparent ? { traceparent: envelope.traceparent } : {}),
    },
  };
}

/**
 * One statement for many outbox rows (`tx.$executeRawUnsafe(...outboxRowsInsert(rows))`), in the
 * given order (their `seq`, hence the order they are published in): the rows travel as one JSON
 * parameter, so the cost does not grow with a query builder's work per row.
 */
export function outboxRowsInsert(rows: readonly OutboxRow[]): [sql: string, rows: string] {
  return [OUTBOX_ROWS_INSERT, JSON.stringify(rows)];
}

const OUTBOX_ROWS_INSERT = `INSERT INTO outbox_event (id, topic, key, type, envelope)
  SELECT id, topic, key, type, envelope
    FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, topic text, key text, type text, envelope jsonb)) WITH ORDINALITY AS r(id, topic, key, type, envelope, n)
   ORDER BY n`;
