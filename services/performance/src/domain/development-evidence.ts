/** A completed training kept as evidence of development, on the plan of the year it was completed in. */
export interface DevelopmentEvidence {
  id: string;
  eventId: string;
  agencyId: string;
  employeeId: string;
  planId: string | null;
  assignmentId: string;
  programId: string;
  programTitle: string;
  /** Jam pelajaran. */
  jp: number;
  competencies: string[];
  certificateNumber: string | null;
  completedAt: Date;
}
