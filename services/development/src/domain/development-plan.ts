import { ConflictError, ValidationError } from '@kinerja/errors';

import type { AssignmentRecord } from './assignment-record';
import type { Gap } from './gap-mapping.rule';
import type { TrainingProgram } from './training-program';

/** One programme in the plan, with the gaps it answers and, once assigned, its assignment. */
export interface PlannedProgramme {
  programId: string | null;
  programmeCode: string | null;
  gaps: Gap[];
  assignmentId: string | null;
}

/** Rencana pengembangan individu: the programmes planned for one employee in one year. */
export interface DevelopmentPlan {
  id: string;
  agencyId: string;
  employeeId: string;
  year: number;
  items: PlannedProgramme[];
  version: number;
}

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw new ValidationError({ field: 'year', message: 'must be a year YYYY' });
}

/**
 * A new plan, prefilled from the gaps of the employee's most recent poor assessment: one item per
 * programme (or per gap still awaiting HR's choice), linked to the assignment already made for it.
 */
export function prefilledPlan(
  id: string,
  owner: { agencyId: string; employeeId: string; year: number },
  assignments: readonly AssignmentRecord[],
): DevelopmentPlan {
  requireYear(owner.year);
  const fromGaps = assignments.filter((a) => a.reason === 'PERFORMANCE_GAP' && a.status !== 'CANCELLED' && a.sourceEventId !== null);
  const latestCause = fromGaps.at(-1)?.sourceEventId ?? null;
  const items = fromGaps
    .filter((a) => a.sourceEventId === latestCause)
    .map((a): PlannedProgramme => ({ programId: a.programId, programmeCode: a.programmeCode, gaps: [...a.gaps], assignmentId: a.id }));
  return { id, ...owner, items, version: 0 };
}

/** Plans one more programme; the same programme twice in one plan is a CONFLICT. */
export function planProgramme(plan: DevelopmentPlan, programme: TrainingProgram): DevelopmentPlan {
  if (plan.items.some((item) => item.programmeCode === programme.code)) {
    throw new ConflictError(`${programme.code} is already in the plan for ${plan.year}`, { field: 'programId' });
  }
  const item: PlannedProgramme = { programId: programme.id, programmeCode: programme.code, gaps: [], assignmentId: null };
  return { ...plan, items: [...plan.items, item] };
}
