import { newAssignment } from '../../domain/assignment';
import { latsarAssignmentKey } from '../../domain/assignment-record';
import { catalogueOfAgency } from '../../domain/catalogue';
import type { EmployeeCopy } from '../../domain/employee-copy';
import { LATSAR_CPNS_CODE } from '../../domain/gap-mapping.rule';
import type { EventTransaction, IdGenerator, PendingHire } from '../../domain/repositories';
import { auditContextOfEvent } from '../actor';
import { assignedEvent, recordOf } from '../assignment-records';

/**
 * Assigns Latsar CPNS for a hire once its employee is known. Without the programme in the
 * catalogue the handler fails, so the event is retried and then dead-lettered with that reason
 * instead of the duty being dropped.
 */
export async function assignLatsar(tx: EventTransaction, ids: IdGenerator, employee: EmployeeCopy, hire: PendingHire): Promise<void> {
  const programme = catalogueOfAgency(await tx.programmesOf(employee.agencyId), employee.agencyId).get(LATSAR_CPNS_CODE);
  if (!programme) throw new Error(`Programme ${LATSAR_CPNS_CODE} is not in the catalogue of agency ${employee.agencyId}`);
  const assignment = newAssignment(ids.newId(), {
    agencyId: employee.agencyId,
    employeeId: employee.employeeId,
    programmeCode: programme.code,
    reason: 'LATSAR_CPNS',
    sourceEventId: hire.sourceEventId,
  });
  const record = recordOf(assignment, programme, latsarAssignmentKey(employee.employeeId, hire.applicationId));
  await tx.addAssignments([record], auditContextOfEvent(hire.sourceEventId), (created) => [assignedEvent(created)]);
}
