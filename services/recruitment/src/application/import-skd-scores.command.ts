import { canManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';

import { skdRefusal } from '../domain/application';
import type { Clock, Repositories, SkdScoreWrite } from '../domain/repositories';
import type { Selection } from '../domain/selection';
import { parseSkdCsv, type RejectedRow } from '../domain/skd-import';
import { type Actor, auditContextOf } from './actor';
import { assertMayWork, selectionForStaff } from './loaders';
import { assertPhase } from './phase';

export interface SkdImportReport {
  imported: number;
  rejected: RejectedRow[];
}

/**
 * The test centre's SKD export (CSV), checked row by row. All or nothing: one rejected row stores
 * nothing and answers BAD_USER_INPUT naming every rejected row, unless the committee chose to skip
 * the rejected rows; then the others are stored and the report lists the skipped ones.
 * Set-based: the file's numbers are checked in the database in one query that answers only what is
 * wrong, and the scores are stored in one statement, whatever the size of the selection.
 */
export class ImportSkdScores {
  constructor(
    private readonly repositories: Pick<Repositories, 'applications' | 'selections' | 'committee'>,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { selectionId: string; csv: string; skipRejectedRows: boolean }): Promise<SkdImportReport> {
    const selection = await selectionForStaff(this.repositories, actor, input.selectionId);
    await assertPhase(this.repositories.selections, selection.id, 'SKD', 'An SKD import');
    const parsed = parseSkdCsv(input.csv);
    if (parsed.problems.length > 0) throw new ValidationError(parsed.problems.map((p) => ({ ...p, field: `input.${p.field}` })));

    const check = await this.repositories.applications.skdImportCheck(
      selection.id,
      parsed.rows.map((row) => row.registrationNumber),
      await this.declaredConflicts(actor, selection),
    );
    const unknown = new Set(check.unknown);
    const refused = new Map(check.refused.map((entry) => [entry.registrationNumber, entry]));
    const rejected = [...parsed.rejected];
    const changes: SkdScoreWrite[] = [];
    for (const row of parsed.rows) {
      if (unknown.has(row.registrationNumber)) {
        rejected.push({
          row: row.row,
          registrationNumber: row.registrationNumber,
          field: 'registration_number',
          message: 'is not a participant of this selection',
        });
        continue;
      }
      // The scores were checked while parsing; the application must take them.
      const entry = refused.get(row.registrationNumber);
      const refusal = entry ? skdRefusal(entry) : null;
      if (refusal) {
        rejected.push({ row: row.row, registrationNumber: row.registrationNumber, field: 'registration_number', message: refusal });
        continue;
      }
      changes.push({ registrationNumber: row.registrationNumber, scores: row.scores });
    }
    rejected.sort((a, b) => a.row - b.row);
    if (rejected.length > 0 && !input.skipRejectedRows) {
      throw new ValidationError(
        rejected.map((r) => ({ field: `input.csv.row${r.row}.${r.field}`, message: `${r.registrationNumber ?? '(no number)'}: ${r.message}` })),
      );
    }
    // A member who declared a conflict with one of the applicants may not import their scores.
    const importing = new Set(changes.map((change) => change.registrationNumber));
    await assertMayWork(
      this.repositories.committee,
      actor,
      selection,
      check.watched.filter((application) => importing.has(application.registrationNumber)),
    );
    const imported = changes.length === 0 ? 0 : await this.repositories.applications.saveSkdScores(selection, changes, this.clock.now(), auditContextOf(actor));
    return { imported, rejected };
  }

  /** The applications the viewer declared a conflict with (none for HR and the province admin). */
  private async declaredConflicts(actor: Actor, selection: Selection): Promise<string[]> {
    const employeeId = actor.viewer.employeeId;
    if (canManageAgency(actor.viewer, selection.agencyId) || employeeId === null) return [];
    return [...(await this.repositories.committee.standing(selection.id, employeeId)).conflicts];
  }
}
