import { ValidationError } from '@kinerja/errors';

import { skdRefusal } from '../domain/application';
import type { ApplicationRepository, Clock, CommitteeRepository, SelectionRepository, SkdRosterEntry, SkdScoreWrite } from '../domain/repositories';
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
 */
export class ImportSkdScores {
  constructor(
    private readonly repositories: { applications: ApplicationRepository; selections: SelectionRepository; committee: CommitteeRepository },
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: { selectionId: string; csv: string; skipRejectedRows: boolean }): Promise<SkdImportReport> {
    const selection = await selectionForStaff(this.repositories, actor, input.selectionId);
    await assertPhase(this.repositories.selections, selection.id, 'SKD', 'An SKD import');
    const parsed = parseSkdCsv(input.csv);
    if (parsed.problems.length > 0) throw new ValidationError(parsed.problems.map((p) => ({ ...p, field: `input.${p.field}` })));

    const roster = await this.repositories.applications.skdRoster(selection.id);
    const byNumber = new Map(roster.map((entry) => [entry.registrationNumber, entry]));
    const rejected = [...parsed.rejected];
    const changes: SkdScoreWrite[] = [];
    const touched: SkdRosterEntry[] = [];
    for (const row of parsed.rows) {
      const entry = byNumber.get(row.registrationNumber);
      if (!entry) {
        rejected.push({
          row: row.row,
          registrationNumber: row.registrationNumber,
          field: 'registration_number',
          message: 'is not a participant of this selection',
        });
        continue;
      }
      // The scores were checked while parsing; the application must take them.
      const refusal = skdRefusal(entry);
      if (refusal) {
        rejected.push({ row: row.row, registrationNumber: row.registrationNumber, field: 'registration_number', message: refusal });
        continue;
      }
      changes.push({ id: entry.id, updatedAt: entry.updatedAt, scores: row.scores });
      touched.push(entry);
    }
    rejected.sort((a, b) => a.row - b.row);
    if (rejected.length > 0 && !input.skipRejectedRows) {
      throw new ValidationError(
        rejected.map((r) => ({ field: `input.csv.row${r.row}.${r.field}`, message: `${r.registrationNumber ?? '(no number)'}: ${r.message}` })),
      );
    }
    // A member who declared a conflict with one of the applicants may not import their scores.
    await assertMayWork(this.repositories.committee, actor, selection, touched);
    await this.repositories.applications.saveSkdScores(changes, this.clock.now(), auditContextOf(actor));
    return { imported: changes.length, rejected };
  }
}
