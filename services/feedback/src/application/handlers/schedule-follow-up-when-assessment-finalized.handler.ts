import type { EventEnvelope } from '@kinerja/events';
import { calendarDateIn } from '@kinerja/kernel';

import { DEFAULT_FOLLOW_UP_DAYS, followUpDue } from '../../domain/follow-up.rule';
import { isPredikat } from '../../domain/vocabulary';
import { auditContextOfEvent } from '../actor';
import type { HandlerDeps } from './handler-deps';

/**
 * After an assessment is finalized the follow-up dialogue becomes due: within the agency's number
 * of days from the day it was finalized (WIB), required when the predikat is poor. Keyed by the
 * event: a redelivery finds the claim, and the row's unique source event id besides.
 */
export function scheduleFollowUpWhenAssessmentFinalized({ events, ids, clock }: HandlerDeps) {
  return async (event: EventEnvelope<'performance.assessment.finalized'>): Promise<void> => {
    const { employeeId, predikat } = event.payload;
    if (!isPredikat(predikat)) return;
    await events.handleOnce(event.id, async (tx) => {
      // The copy may not have arrived yet (another topic): the agency of the event, no supervisor until it does.
      const employee = await tx.employee(employeeId);
      const agencyId = employee?.agencyId ?? event.agencyId;
      const days = (await tx.followUpDays(agencyId)) ?? DEFAULT_FOLLOW_UP_DAYS;
      const { dueBy, required } = followUpDue({ finalizedOn: calendarDateIn(new Date(event.occurredAt)), predikat, days });
      await tx.addDialogue(
        {
          id: ids.newId(),
          agencyId,
          employeeId,
          supervisorEmployeeId: employee?.supervisorEmployeeId ?? null,
          kind: 'FOLLOW_UP',
          status: 'DUE',
          date: null,
          summary: null,
          agreements: null,
          recordedByEmployeeId: null,
          recordedAt: null,
          acknowledgedAt: null,
          dueBy,
          required,
          sourceEventId: event.id,
          createdAt: clock.now(),
        },
        auditContextOfEvent(event.id),
      );
    });
  };
}
