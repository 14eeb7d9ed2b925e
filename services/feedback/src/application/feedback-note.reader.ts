import type { Viewer } from '@kinerja/auth';
import { groupedBy, isEntityId, orderedBy } from '@kinerja/kernel';

import { canSeeNotesOf } from '../domain/access.rule';
import type { FeedbackNote } from '../domain/feedback-note';
import type { EmployeeCopyRepository, FeedbackNoteRepository } from '../domain/repositories';
import { linesOf } from './reporting-lines';

/** Reads of notes; a note the viewer may not see answers exactly like one that does not exist. */
export class FeedbackNoteReader {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly notes: FeedbackNoteRepository,
  ) {}

  /** For `_entities`, the loaders and single reads: null for what is unknown, malformed or not the viewer's to see. */
  async visible(viewer: Viewer, ids: readonly string[]): Promise<(FeedbackNote | null)[]> {
    if (viewer.userId === null) return ids.map(() => null);
    const wellFormed = ids.filter(isEntityId);
    const found = wellFormed.length > 0 ? await this.notes.byIds(wellFormed) : [];
    const lines = await linesOf(
      this.employees,
      found.map((note) => note.employeeId),
    );
    return orderedBy(ids, found, (note) => note.id).map((note) => {
      const line = note && lines.get(note.employeeId);
      return note && line && line.agencyId === note.agencyId && canSeeNotesOf(viewer, line) ? note : null;
    });
  }

  /** `Employee.feedbackNotes` for a batch: null where the viewer may not look. */
  async ofEmployees(viewer: Viewer, employeeIds: readonly string[]): Promise<(FeedbackNote[] | null)[]> {
    if (viewer.userId === null) return employeeIds.map(() => null);
    const lines = await linesOf(this.employees, employeeIds);
    const allowed = employeeIds.filter((id) => {
      const line = lines.get(id);
      return line !== undefined && canSeeNotesOf(viewer, line);
    });
    const notes = allowed.length > 0 ? await this.notes.ofEmployees(allowed) : [];
    const grouped = groupedBy(employeeIds, notes, (note) => note.employeeId);
    return employeeIds.map((id, index) => (allowed.includes(id) ? (grouped[index] ?? []) : null));
  }
}
