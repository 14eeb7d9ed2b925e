import type { Viewer } from '@kinerja/auth';
import { groupedBy, isEntityId, orderedBy } from '@kinerja/kernel';

import { canSeeDialoguesOf } from '../domain/access.rule';
import type { PerformanceDialogue } from '../domain/dialogue';
import type { DialogueRepository, EmployeeCopyRepository } from '../domain/repositories';
import { linesOf } from './reporting-lines';

/** Reads of dialogues; one the viewer may not see answers exactly like one that does not exist. */
export class DialogueReader {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly dialogues: DialogueRepository,
  ) {}

  async visible(viewer: Viewer, ids: readonly string[]): Promise<(PerformanceDialogue | null)[]> {
    if (viewer.userId === null) return ids.map(() => null);
    const wellFormed = ids.filter(isEntityId);
    const found = wellFormed.length > 0 ? await this.dialogues.byIds(wellFormed) : [];
    const lines = await linesOf(
      this.employees,
      found.map((dialogue) => dialogue.employeeId),
    );
    return orderedBy(ids, found, (dialogue) => dialogue.id).map((dialogue) => {
      const line = dialogue && lines.get(dialogue.employeeId);
      return dialogue && line && canSeeDialoguesOf(viewer, { ...line, agencyId: dialogue.agencyId }) ? dialogue : null;
    });
  }

  /** `Employee.dialogues` for a batch: null where the viewer may not look. */
  async ofEmployees(viewer: Viewer, employeeIds: readonly string[]): Promise<(PerformanceDialogue[] | null)[]> {
    if (viewer.userId === null) return employeeIds.map(() => null);
    const lines = await linesOf(this.employees, employeeIds);
    const allowed = new Set(
      employeeIds.filter((id) => {
        const line = lines.get(id);
        return line !== undefined && canSeeDialoguesOf(viewer, line);
      }),
    );
    const found = allowed.size > 0 ? await this.dialogues.ofEmployees([...allowed]) : [];
    const grouped = groupedBy(employeeIds, found, (dialogue) => dialogue.employeeId);
    return employeeIds.map((id, index) => (allowed.has(id) ? (grouped[index] ?? []) : null));
  }
}
