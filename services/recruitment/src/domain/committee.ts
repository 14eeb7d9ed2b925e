/** A member of a selection's committee (panitia seleksi), appointed by the agency's HR. */
export interface CommitteeMember {
  selectionId: string;
  employeeId: string;
  agencyId: string;
  appointedBy: string | null;
  appointedAt: Date;
}

/** A member's declared conflict of interest with an applicant, by their application in the selection. */
export interface CommitteeConflict {
  selectionId: string;
  employeeId: string;
  applicationId: string;
  agencyId: string;
  reason: string;
  declaredAt: Date;
}

/** What recruitment knows of a member for one selection: appointed, trained, their conflicts. */
export interface CommitteeStanding {
  appointed: boolean;
  trained: boolean;
  conflicts: readonly string[];
}

/** identity's employee as recruitment keeps it: who may be appointed, and the agencies there are. */
export interface EmployeeCopy {
  employeeId: string;
  agencyId: string;
  orgUnitId: string;
  name: string;
  status: 'ACTIVE' | 'ON_LEAVE' | 'LEFT';
  lastEventAt: Date;
}

/** A completed committee training, learnt from development.training.completed. */
export interface CommitteeTraining {
  employeeId: string;
  programId: string;
  programTitle: string;
  completedAt: Date;
}
