import { assertAuthenticated } from '@kinerja/auth';
import { ForbiddenError, ValidationError } from '@kinerja/errors';

import { isDirectSupervisorOf } from '../domain/access.rule';
import { type FeedbackNote, newFeedbackNote } from '../domain/feedback-note';
import type { Clock, EmployeeCopyRepository, FeedbackNoteRepository, IdGenerator } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { employeeNamed } from './reporting-lines';

export interface RecordFeedbackNoteInput {
  employeeId: string;
  kind: string;
  values: readonly string[];
  text: string;
}

/** A supervisor writes a note for a direct subordinate (umpan balik berkelanjutan). */
export class RecordFeedbackNote {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly notes: FeedbackNoteRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: RecordFeedbackNoteInput): Promise<FeedbackNote> {
    assertAuthenticated(actor.viewer);
    const employee = await employeeNamed(this.employees, input.employeeId, 'input.employeeId');
    if (!isDirectSupervisorOf(actor.viewer, employee)) throw new ForbiddenError('Only the direct supervisor writes feedback notes for an employee');
    let note: FeedbackNote;
    try {
      note = newFeedbackNote({ ...input, agencyId: employee.agencyId, authorEmployeeId: actor.viewer.employeeId as string }, this.ids, this.clock);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.notes.create(note, auditContextOf(actor));
    return note;
  }
}
