import type { EventEnvelope } from '@kinerja/events';

import { assignmentKey, newAssignment } from '../../domain/assignment';
import { catalogueOfAgency } from '../../domain/catalogue';
import { COACHING_CODE } from '../../domain/gap-mapping.rule';
import { auditContextOfEvent } from '../actor';
import { assignedEvent, recordOf } from '../assignment-records';
import type { HandlerDeps } from './handler-deps';

/**
 * A coaching sanction assigns the coaching programme. Other sanctions (written warning, referral
 * to discipline) are not training and are left alone. Without the programme in the catalogue the
 * handler fails, so the event is dead-lettered with the reason rather than silently dropped.
 */
export function assignCoachingWhenSanctionIssued({ events, ids }: HandlerDeps) {
  return async (event: EventEnvelope<'performance.sanction.issued'>): Promise<void> => {
    const sanction = event.payload;
    if (sanction.kind !== 'COACHING') return;
    await events.handleOnce(event.id, async (tx) => {
      const employee = await tx.employee(sanction.employeeId);
      const agencyId = employee?.agencyId ?? event.agencyId;
      const programme = catalogueOfAgency(await tx.programmesOf(agencyId), agencyId).get(COACHING_CODE);
      if (!programme) throw new Error(`Programme ${COACHING_CODE} is not in the catalogue of agency ${agencyId}`);
      const assignment = newAssignment(ids.newId(), {
        agencyId,
        employeeId: sanction.employeeId,
        programmeCode: programme.code,
        reason: 'SANCTION_COACHING',
        sourceEventId: event.id,
      });
      await tx.addAssignments([recordOf(assignment, programme, assignmentKey(assignment))], auditContextOfEvent(event.id), (created) => [
        assignedEvent(created),
      ]);
    });
  };
}
