import type { EventEnvelope } from '@kinerja/events';

import { isCommitteeTraining } from '../../domain/committee.rule';
import type { EventStore } from '../../domain/repositories';

/**
 * A completed committee training (development's PANITIA-SELEKSI programme, recognised by its
 * title) qualifies the employee to work on the committees they are appointed to. Other
 * programmes are claimed and ignored.
 */
export function qualifyCommitteeMemberWhenTrainingCompleted(events: EventStore, accepted?: readonly string[]) {
  return async (event: EventEnvelope<'development.training.completed'>): Promise<void> => {
    const payload = event.payload;
    await events.handleOnce(event.id, async (tx) => {
      if (!isCommitteeTraining(payload.programTitle, accepted)) return;
      await tx.recordCommitteeTraining({
        employeeId: payload.employeeId,
        programId: payload.programId,
        programTitle: payload.programTitle,
        completedAt: new Date(payload.completedAt),
      });
    });
  };
}
