import type { ImportPlan, ImportProblem } from './employee-import.rule';
import type { PendingEvent } from './events';

export const IMPORT_STATUSES = ['CHECKING', 'CHECKED', 'COMMITTING', 'COMMITTED', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * One upload of an employee file and what became of it: checked (the dry run, with its report),
 * then committed or not. Its counters move while the service works on it, for the uploader to watch.
 */
export interface EmployeeImportJob {
  id: string;
  agencyId: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  validRows: number;
  invalidRows: number;
  problems: ImportProblem[];
  /** After the commit: employees registered, employees changed, rows equal to what was stored. */
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  /** Why the job failed, when it did. */
  failure: string | null;
  createdBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export type ImportJobPatch = Partial<
  Pick<
    EmployeeImportJob,
    'status' | 'processedRows' | 'validRows' | 'invalidRows' | 'problems' | 'createdCount' | 'updatedCount' | 'unchangedCount' | 'failure' | 'finishedAt'
  >
>;

/** What a commit writes: the plan's changes with their events, and the job's final state. */
export interface ImportWrites {
  plan: ImportPlan;
  events: readonly PendingEvent[];
  job: ImportJobPatch;
}
