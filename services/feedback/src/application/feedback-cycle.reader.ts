import type { Viewer } from '@kinerja/auth';
import { groupedBy, isEntityId, todayIn } from '@kinerja/kernel';

import { canSeeCycleOf, canSeeNotesOf } from '../domain/access.rule';
import { type GroupAverage, isGroupShown, shownAverages } from '../domain/anonymity.rule';
import type { FeedbackCycle } from '../domain/feedback-cycle';
import type { Clock, EmployeeCopyRepository, FeedbackCycleRepository, OpenRequest } from '../domain/repositories';
import { RATER_GROUPS, type RaterGroup } from '../domain/vocabulary';
import { linesOf } from './reporting-lines';

/** A cycle as its readers see it: counts per group and, once closed, the averages that may be shown. Never who answered what. */
export interface CycleView extends FeedbackCycle {
  raterGroups: { group: RaterGroup; invited: number; answered: number; shown: boolean }[];
  aggregate: GroupAverage[];
}

export class FeedbackCycleReader {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly cycles: FeedbackCycleRepository,
    private readonly clock: Clock,
  ) {}

  async visible(viewer: Viewer, ids: readonly string[]): Promise<(CycleView | null)[]> {
    if (viewer.userId === null) return ids.map(() => null);
    const wellFormed = ids.filter(isEntityId);
    const found = wellFormed.length > 0 ? await this.cycles.byIds(wellFormed) : [];
    const lines = await linesOf(
      this.employees,
      found.map((cycle) => cycle.subjectId),
    );
    const seen = found.filter((cycle) => {
      const line = lines.get(cycle.subjectId);
      return line !== undefined && canSeeCycleOf(viewer, { ...line, agencyId: cycle.agencyId });
    });
    const tallies = seen.length > 0 ? await this.cycles.talliesOf(seen.map((cycle) => cycle.id)) : new Map();
    const views = new Map(
      seen.map((cycle) => {
        const tally = tallies.get(cycle.id);
        const answered = tally?.answered ?? new Map<RaterGroup, number>();
        const view: CycleView = {
          ...cycle,
          raterGroups: RATER_GROUPS.map((group) => ({
            group,
            invited: tally?.invited.get(group) ?? 0,
            answered: answered.get(group) ?? 0,
            shown: isGroupShown(group, answered.get(group) ?? 0),
          })),
          // While open, a change of an average would tell who just answered: averages show once the cycle is closed.
          aggregate: cycle.status === 'CLOSED' && tally ? shownAverages(tally.sums, answered) : [],
        };
        return [cycle.id, view];
      }),
    );
    return ids.map((id) => views.get(id) ?? null);
  }

  /**
   * `Employee.feedbackRequests`: the open requests an employee has to answer, for the employee and
   * their supervisor chain; a request about the viewer themself is never shown to them as someone else's.
   */
  async openRequestsOf(viewer: Viewer, employeeIds: readonly string[]): Promise<(OpenRequest[] | null)[]> {
    if (viewer.userId === null) return employeeIds.map(() => null);
    const lines = await linesOf(this.employees, employeeIds);
    const allowed = new Set(
      employeeIds.filter((id) => {
        const line = lines.get(id);
        return line !== undefined && canSeeNotesOf(viewer, line);
      }),
    );
    const open = allowed.size > 0 ? await this.cycles.openRequestsOf([...allowed], todayIn(this.clock)) : [];
    const shown = open.filter((entry) => entry.request.raterEmployeeId === viewer.employeeId || entry.cycle.subjectId !== viewer.employeeId);
    const grouped = groupedBy(employeeIds, shown, (entry) => entry.request.raterEmployeeId);
    return employeeIds.map((id, index) => (allowed.has(id) ? (grouped[index] ?? []) : null));
  }
}
