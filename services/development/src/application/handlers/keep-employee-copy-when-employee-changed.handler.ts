import type { EmployeeEventType, EventEnvelope } from '@kinerja/events';
import { employeeCopyUpdate } from '@kinerja/messaging';

import type { HandlerDeps } from './handler-deps';
import { assignLatsar } from './latsar';

/**
 * Keeps `employee_copy` in step with identity: unit, position, supervisor line, type and status,
 * as of the most recent event. A newly known employee may have a hire waiting for them: their
 * Latsar CPNS is assigned in the same transaction.
 */
export function keepEmployeeCopyWhenEmployeeChanged({ events, ids }: HandlerDeps) {
  return async (event: EventEnvelope<EmployeeEventType>): Promise<void> => {
    await events.handleOnce(event.id, async (tx) => {
      const previous = await tx.employee(event.payload.employeeId);
      const update = employeeCopyUpdate(event, previous);
      if (!update) return;
      const { occurredAt, ...state } = update;
      const copy = { ...state, contractStart: previous?.contractStart ?? null, lastEventAt: occurredAt };
      await tx.saveEmployee(copy);
      if (copy.status === 'LEFT') return;
      for (const hire of await tx.takeHiresFor(copy.nip)) await assignLatsar(tx, ids, copy, hire);
    });
  };
}
