import type { TrainingAssignment } from '../domain/assignment';
import type { AssignmentRecord } from '../domain/assignment-record';
import type { Certificate } from '../domain/certificate';
import type { PendingEvent } from '../domain/repositories';
import type { TrainingProgram } from '../domain/training-program';

/** A new domain assignment as it is stored, pointing at the catalogue row its code was found in. */
export function recordOf(
  assignment: TrainingAssignment,
  programme: TrainingProgram | null,
  dedupeKey: string,
  sessionId: string | null = null,
): AssignmentRecord {
  return { ...assignment, programId: programme?.id ?? null, sessionId, result: null, earnedJp: null, dedupeKey };
}

/** `development.training.assigned`: published when an assignment is created, and again when HR chooses its programme. */
export function assignedEvent(assignment: AssignmentRecord): PendingEvent<'development.training.assigned'> {
  return {
    type: 'development.training.assigned',
    agencyId: assignment.agencyId,
    payload: {
      assignmentId: assignment.id,
      employeeId: assignment.employeeId,
      programId: assignment.programId,
      reason: assignment.reason,
      sourceEventId: assignment.sourceEventId,
    },
  };
}

/** `development.training.completed`: performance keeps it as development evidence. */
export function completedEvent(
  assignment: AssignmentRecord,
  programme: TrainingProgram,
  certificate: Certificate,
  completedAt: Date,
): PendingEvent<'development.training.completed'> {
  return {
    type: 'development.training.completed',
    agencyId: assignment.agencyId,
    payload: {
      assignmentId: assignment.id,
      employeeId: assignment.employeeId,
      programId: programme.id,
      programTitle: programme.title,
      jp: certificate.jp,
      competencies: programme.competencyCodes,
      completedAt: completedAt.toISOString(),
      certificateNumber: certificate.number,
    },
  };
}
