import type { FieldProblem } from '@kinerja/errors';

import { skdScoreProblems, type SkdScores } from './skd.rule';

/** One line of the test centre's export, numbered as the committee sees the file (header = row 1). */
export interface SkdImportRow {
  row: number;
  registrationNumber: string;
  scores: SkdScores;
}

export interface RejectedRow {
  row: number;
  registrationNumber: string | null;
  field: string;
  message: string;
}

export const SKD_CSV_HEADER = ['registration_number', 'twk', 'tiu', 'tkp'] as const;
export const SKD_IMPORT_MAX_ROWS = 200_000;

/**
 * An SKD import or announcement changes a whole selection at once: it is audited as summary rows
 * on the selection, each naming up to this many applications with their before and after (one row
 * per application would mean 100,000 audit rows and relayed events for one import). At about 100
 * bytes an application, a row and its relayed event stay near 100 KB.
 */
export const SKD_AUDIT_ROWS_PER_ENTRY = 1000;

const toScore = (value: string | undefined) => (value !== undefined && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN);

/**
 * Reads the export (`registration_number,twk,tiu,tkp`, comma or semicolon separated) and checks
 * every row on its own: TWK and TIU multiples of 5 in range, TKP in range, a number given once.
 * Unknown participants are the caller's to name: it knows the selection.
 */
export function parseSkdCsv(csv: string): { rows: SkdImportRow[]; rejected: RejectedRow[]; problems: FieldProblem[] } {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(/[;,]/).map((cell) => cell.trim().toLowerCase());
  if (SKD_CSV_HEADER.some((column, index) => header[index] !== column)) {
    return { rows: [], rejected: [], problems: [{ field: 'csv', message: `the first line must be the header ${SKD_CSV_HEADER.join(',')}` }] };
  }
  if (lines.length - 1 > SKD_IMPORT_MAX_ROWS)
    return { rows: [], rejected: [], problems: [{ field: 'csv', message: `must hold at most ${SKD_IMPORT_MAX_ROWS} rows` }] };
  const rows: SkdImportRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set<string>();
  lines.slice(1).forEach((line, index) => {
    const row = index + 2;
    if (line.trim() === '') return;
    const cells = line.split(/[;,]/).map((cell) => cell.trim());
    const registrationNumber = cells[0] ?? '';
    if (cells.length !== SKD_CSV_HEADER.length || registrationNumber === '') {
      rejected.push({ row, registrationNumber: registrationNumber || null, field: 'row', message: `must have ${SKD_CSV_HEADER.length} cells` });
      return;
    }
    const scores = { twk: toScore(cells[1]), tiu: toScore(cells[2]), tkp: toScore(cells[3]) };
    const problems = skdScoreProblems(scores);
    if (problems.length > 0) {
      rejected.push(...problems.map((problem) => ({ row, registrationNumber, ...problem })));
      return;
    }
    if (seen.has(registrationNumber)) {
      rejected.push({ row, registrationNumber, field: 'registration_number', message: 'appears more than once in the file' });
      return;
    }
    seen.add(registrationNumber);
    rows.push({ row, registrationNumber, scores });
  });
  if (rows.length === 0 && rejected.length === 0) return { rows, rejected, problems: [{ field: 'csv', message: 'holds no rows' }] };
  return { rows, rejected, problems: [] };
}
