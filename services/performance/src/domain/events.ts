import type { DomainEvent } from '@kinerja/events';

import type { Assessment } from './assessment';
import type { Reward, Sanction } from './follow-up.rule';

/** What every finalization tells the other services: the ratings, the predikat and the gaps. */
export function assessmentFinalized(assessment: Assessment): DomainEvent<'performance.assessment.finalized'> {
  return {
    type: 'performance.assessment.finalized',
    agencyId: assessment.agencyId,
    payload: {
      assessmentId: assessment.id,
      employeeId: assessment.employeeId,
      periodId: assessment.periodId,
      kind: assessment.kind,
      workResultRating: assessment.workResultRating,
      behaviourRating: assessment.behaviourRating,
      predikat: assessment.predikat,
      behaviourGaps: assessment.behaviourGaps,
      workResultGaps: assessment.workResultGaps,
    },
  };
}

export function rewardGranted(reward: Reward): DomainEvent<'performance.reward.granted'> {
  return {
    type: 'performance.reward.granted',
    agencyId: reward.agencyId,
    payload: { rewardId: reward.id, employeeId: reward.employeeId, kind: reward.kind, assessmentId: reward.assessmentId },
  };
}

export function sanctionIssued(sanction: Sanction): DomainEvent<'performance.sanction.issued'> {
  return {
    type: 'performance.sanction.issued',
    agencyId: sanction.agencyId,
    payload: { sanctionId: sanction.id, employeeId: sanction.employeeId, kind: sanction.kind, assessmentId: sanction.assessmentId },
  };
}
