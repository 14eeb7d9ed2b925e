import { outboxRow } from '@kinerja/messaging';

import type { PendingEvent } from '../domain/repositories';
import type { Prisma } from '../generated/prisma/client';

/** The outbox rows of the events a change produced, for `tx.outboxEvent.createMany({ data })`. */
export function outboxData(events: readonly PendingEvent[]): Prisma.OutboxEventCreateManyInput[] {
  return events.map((event) => {
    const row = outboxRow({ type: event.type, agencyId: event.agencyId, producer: 'feedback', payload: event.payload });
    return { ...row, envelope: row.envelope as Prisma.InputJsonValue };
  });
}
