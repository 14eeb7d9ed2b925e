import type { EventEnvelope } from '@kinerja/events';

import { type EmployeeCopy, type EmployeeStatus, isNewerThanCopy } from '../../domain/employee-copy';
import type { HandlerDeps } from './handler-deps';
import { assignLatsar } from './latsar';

export type EmployeeEventType = 'identity.employee.registered' | 'identity.employee.transferred' | 'identity.employee.left' | 'identity.employee.snapshot';

function statusAfter(event: EventEnvelope<EmployeeEventType>, previous: EmployeeCopy | null): EmployeeStatus {
  switch (event.type) {
    case 'identity.employee.left':
      return 'LEFT';
    case 'identity.employee.snapshot':
      return (event.payload as EventEnvelope<'identity.employee.snapshot'>['payload']).status;
    case 'identity.employee.transferred':
      return previous?.status === 'ON_LEAVE' ? 'ON_LEAVE' : 'ACTIVE';
    default:
      return 'ACTIVE';
  }
}

/**
 * Keeps `employee_copy` in step with identity: unit, position, supervisor line, type and status,
 * as of the most recent event. A newly known employee may have a hire waiting for them: their
 * Latsar CPNS is assigned in the same transaction.
 */
export function keepEmployeeCopyWhenEmployeeChanged({ events, ids }: HandlerDeps) {
  return async (event: EventEnvelope<EmployeeEventType>): Promise<void> => {
    const occurredAt = new Date(event.occurredAt);
    const payload = event.payload;
    await events.handleOnce(event.id, async (tx) => {
      const previous = await tx.employee(payload.employeeId);
      if (!isNewerThanCopy(previous, occurredAt)) return;
      const copy: EmployeeCopy = {
        employeeId: payload.employeeId,
        agencyId: payload.agencyId,
        orgUnitId: payload.orgUnitId,
        positionId: payload.positionId,
        name: payload.name,
        nip: payload.nip,
        employmentType: payload.employmentType,
        status: statusAfter(event, previous),
        supervisorEmployeeId: payload.supervisorEmployeeId,
        contractStart: previous?.contractStart ?? null,
        lastEventAt: occurredAt,
      };
      await tx.saveEmployee(copy);
      if (copy.status === 'LEFT') return;
      for (const hire of await tx.takeHiresFor(copy.nip)) await assignLatsar(tx, ids, copy, hire);
    });
  };
}
