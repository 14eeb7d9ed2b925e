import type { FieldProblem } from '@kinerja/errors';

/**
 * Bulk import of employees (issue 17): the file and its report. A file is a header row and data
 * rows under the columns below; each problem of the report names its row, column and a stable code,
 * worded in Indonesian and English. The checks themselves are in employee-import.rule.ts.
 */

/** The columns of an import file, by their canonical names. */
export const IMPORT_COLUMNS = ['nip', 'name', 'type', 'rank', 'position', 'unit', 'supervisorPosition', 'email'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['nip', 'name', 'type', 'unit'];

/** Header names accepted for each column (compared lower-case, without spaces, dots, dashes or underscores). */
const HEADER_ALIASES: Record<ImportColumn, readonly string[]> = {
  nip: ['nip'],
  name: ['name', 'nama', 'namalengkap'],
  type: ['type', 'jenis', 'jenispegawai', 'statuskepegawaian', 'employmenttype'],
  rank: ['rank', 'golongan', 'pangkatgolongan', 'golonganruang', 'pangkat'],
  position: ['position', 'jabatan', 'namajabatan'],
  unit: ['unit', 'unitkerja', 'kodeunit', 'kodeunitkerja'],
  supervisorPosition: ['supervisorposition', 'supervisorsposition', 'jabatanatasan', 'atasan'],
  email: ['email', 'surel'],
};

/** A data row as read from the file: its spreadsheet row number (the header is row 1) and its cells by column. */
export interface ImportRow {
  row: number;
  cells: Partial<Record<ImportColumn, string>>;
}

export const IMPORT_PROBLEM_CODES = [
  'MISSING_COLUMN',
  'EMPTY_FILE',
  'VALUE_REQUIRED',
  'NIP_INVALID',
  'NIP_DUPLICATE_IN_FILE',
  'NIP_IN_OTHER_AGENCY',
  'EMPLOYEE_LEFT',
  'NAME_INVALID',
  'TYPE_INVALID',
  'RANK_INVALID',
  'EMAIL_INVALID',
  'UNIT_UNKNOWN',
  'POSITION_UNKNOWN',
  'POSITION_TAKEN',
  'SUPERVISOR_POSITION_UNKNOWN',
  'SUPERVISOR_POSITION_AMBIGUOUS',
  'SUPERVISOR_WITHOUT_POSITION',
  'REPORTING_CYCLE',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** One line of the report: where (row and column), what (a stable code) and why, in Indonesian and English. */
export interface ImportProblem {
  row: number;
  column: ImportColumn;
  code: ImportProblemCode;
  /** Indonesian, the graph's default language. */
  message: string;
  messageEnglish: string;
}

type Args = Record<string, string | number>;
const fill = (template: string, args: Args) => template.replace(/\{(\w+)\}/g, (_m, key: string) => String(args[key] ?? ''));

/** The sentences of each code: Indonesian first, English second, with {placeholders}. */
const MESSAGES: Record<ImportProblemCode, readonly [string, string]> = {
  MISSING_COLUMN: ['Kolom {column} tidak ada pada baris judul', 'The header row has no {column} column'],
  EMPTY_FILE: ['Berkas tidak berisi baris data', 'The file has no data rows'],
  VALUE_REQUIRED: ['Kolom {column} wajib diisi', 'The {column} column must not be empty'],
  NIP_INVALID: ['NIP tidak valid: {detailId}', 'The NIP is invalid: {detail}'],
  NIP_DUPLICATE_IN_FILE: ['NIP {nip} juga ada pada baris {other}', 'NIP {nip} is also on row {other}'],
  NIP_IN_OTHER_AGENCY: ['NIP {nip} sudah terdaftar di instansi lain', 'NIP {nip} is registered in another agency'],
  EMPLOYEE_LEFT: [
    'Pegawai dengan NIP {nip} sudah berhenti dan tidak dapat diubah lewat impor',
    'The employee with NIP {nip} has left the service and cannot be changed by an import',
  ],
  NAME_INVALID: ['Nama harus 2–200 karakter', 'The name must be 2-200 characters'],
  TYPE_INVALID: ['Jenis pegawai "{value}" tidak dikenal; gunakan {allowed}', 'Employment type "{value}" is unknown; use {allowed}'],
  RANK_INVALID: ['Golongan paling banyak 50 karakter', 'The rank (golongan) must be at most 50 characters'],
  EMAIL_INVALID: ['"{value}" bukan alamat e-mail', '"{value}" is not an e-mail address'],
  UNIT_UNKNOWN: ['Unit kerja "{value}" tidak ada di instansi ini', 'Unit "{value}" does not exist in this agency'],
  POSITION_UNKNOWN: ['Jabatan "{value}" tidak ada di unit kerja {unit}', 'Position "{value}" does not exist in unit {unit}'],
  POSITION_TAKEN: [
    'Semua jabatan "{value}" di unit kerja {unit} sudah dipegang pegawai lain',
    'Every position "{value}" of unit {unit} is held by another employee',
  ],
  SUPERVISOR_POSITION_UNKNOWN: ['Jabatan atasan "{value}" tidak ada di instansi ini', 'Supervisor position "{value}" does not exist in this agency'],
  SUPERVISOR_POSITION_AMBIGUOUS: [
    'Ada {count} jabatan "{value}" di instansi ini; jabatan atasan harus satu jabatan',
    'This agency has {count} positions "{value}"; the supervisor position must name one',
  ],
  SUPERVISOR_WITHOUT_POSITION: ['Jabatan atasan diisi tetapi jabatan kosong', 'A supervisor position is given without a position'],
  REPORTING_CYCLE: [
    'Jabatan atasan "{value}" membuat garis pelaporan berputar kembali ke jabatan ini',
    'Supervisor position "{value}" would make the reporting line loop back to this position',
  ],
};

/** The NIP rule's part-by-part problems (English in the graph's errors) as the report's Indonesian says them. */
export function nipProblemInIndonesian(problem: FieldProblem): string {
  switch (problem.field) {
    case 'nip':
      return 'harus tepat 18 angka';
    case 'nip.birthDate':
      return 'angka 1–8 bukan tanggal lahir yang sah (YYYYMMDD)';
    case 'nip.appointmentDate':
      return problem.message.startsWith('digits')
        ? 'angka 9–14 bukan bulan pengangkatan yang sah (YYYYMM)'
        : 'bulan pengangkatan (angka 9–14) sebelum pemegangnya berusia 18 tahun';
    case 'nip.sex':
      return 'angka ke-15 harus 1 (laki-laki) atau 2 (perempuan)';
    case 'nip.sequence':
      return 'angka 16–18 harus nomor urut mulai 001';
    default:
      return problem.message;
  }
}

export function importProblem(row: number, column: ImportColumn, code: ImportProblemCode, args: Args = {}): ImportProblem {
  const [indonesian, english] = MESSAGES[code];
  const all = { column, ...args };
  return { row, column, code, message: fill(indonesian, all), messageEnglish: fill(english, all) };
}

const headerKey = (value: string) => value.toLowerCase().replace(/[\s._\-/'’]+/g, '');

/**
 * The data rows of a file's cells (first row the header): each cell under its column; unknown
 * columns are ignored, a missing required column is a problem of row 1 and no row is read then.
 */
export function rowsOfCells(cells: readonly (readonly string[])[]): { rows: ImportRow[]; problems: ImportProblem[] } {
  const [header = [], ...data] = cells;
  const indexOf = new Map<ImportColumn, number>();
  header.forEach((name, index) => {
    const key = headerKey(name);
    const column = IMPORT_COLUMNS.find((candidate) => HEADER_ALIASES[candidate].includes(key));
    if (column && !indexOf.has(column)) indexOf.set(column, index);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !indexOf.has(column));
  if (missing.length > 0) return { rows: [], problems: missing.map((column) => importProblem(1, column, 'MISSING_COLUMN')) };
  const rows: ImportRow[] = [];
  data.forEach((line, index) => {
    if (line.every((cell) => cell.trim() === '')) return; // blank lines of a spreadsheet
    const row: ImportRow = { row: index + 2, cells: {} };
    for (const [column, at] of indexOf) row.cells[column] = (line[at] ?? '').trim();
    rows.push(row);
  });
  if (rows.length === 0) return { rows, problems: [importProblem(1, 'nip', 'EMPTY_FILE')] };
  return { rows, problems: [] };
}

/** What the agency holds now, as far as an import touches it. */
