import type { Employee } from './employee';
import {
  type AgencyState,
  checkImport,
  checkImportSteps,
  type ImportRow,
  planImport,
  positionsOnCycles,
  rowsOfCells,
  supervisorsOf,
} from './employee-import.rule';

const today = new Date('2026-12-01T00:00:00Z');
const A = 'agency-a';
const unit = (id: string, code: string, name = code) => ({ id, agencyId: A, parentId: null, code, name });
const position = (id: string, orgUnitId: string, title: string, supervisorPositionId: string | null) => ({
  id,
  agencyId: A,
  orgUnitId,
  title,
  supervisorPositionId,
});
const person = (id: string, nip: string, positionId: string | null, extra: Partial<Employee> = {}): Employee => ({
  id,
  agencyId: A,
  nip,
  name: `Pegawai ${id}`,
  email: null,
  employmentType: 'PNS',
  rank: 'III/a',
  orgUnitId: 'u-setda',
  positionId,
  status: 'ACTIVE',
  ...extra,
});

// SETDA: Sekda ← Kabag ← two "Pelaksana" posts; the Kabag post is held by e-kabag.
const state: AgencyState = {
  agencyId: A,
  units: [unit('u-setda', 'SETDA', 'Sekretariat Daerah'), unit('u-dinkes', 'DINKES')],
  positions: [
    position('p-sekda', 'u-setda', 'Sekretaris Daerah', null),
    position('p-kabag', 'u-setda', 'Kepala Bagian Umum', 'p-sekda'),
    position('p-pel-1', 'u-setda', 'Pelaksana', 'p-kabag'),
    position('p-pel-2', 'u-setda', 'Pelaksana', 'p-kabag'),
    position('p-perawat', 'u-dinkes', 'Perawat', null),
    position('p-perawat-2', 'u-dinkes', 'Perawat', null),
    position('p-kadinkes', 'u-dinkes', 'Kepala Dinas Kesehatan', null),
  ],
  employees: [person('e-kabag', '198001012005011001', 'p-kabag'), person('e-left', '198101012006011002', null, { status: 'LEFT' })],
  nipsElsewhere: new Set(['198201012007011003']),
};

const NIP = ['199001012015031001', '199002022015032002', '199003032015031003', '199004042015032004'] as const;
const row = (n: number, cells: ImportRow['cells']): ImportRow => ({
  row: n,
  cells: { nip: NIP[0], name: 'Budi Santoso', type: 'PNS', rank: 'III/a', unit: 'SETDA', position: 'Pelaksana', supervisorPosition: '', email: '', ...cells },
});
let seq = 0;
const newId = () => `new-${(seq += 1)}`;
const codesOf = (rows: ImportRow[]) => checkImport(rows, state, today, newId).problems.map((p) => [p.row, p.column, p.code]);

describe('checkImport', () => {
  it.each<[string, ImportRow['cells'], [string, string][]]>([
    ['a valid row', {}, []],
    ['a unit by its name, case aside', { unit: 'sekretariat daerah' }, []],
    ['an empty NIP', { nip: '' }, [['nip', 'VALUE_REQUIRED']]],
    ['a NIP of 17 digits', { nip: '19900101201503100' }, [['nip', 'NIP_INVALID']]],
    ['a NIP with sex digit 3', { nip: '199001012015033001' }, [['nip', 'NIP_INVALID']]],
    ['a NIP of another agency', { nip: '198201012007011003' }, [['nip', 'NIP_IN_OTHER_AGENCY']]],
    ['a departed employee', { nip: '198101012006011002' }, [['nip', 'EMPLOYEE_LEFT']]],
    ['a one-letter name', { name: 'B' }, [['name', 'NAME_INVALID']]],
    ['an unknown type', { type: 'HONORER' }, [['type', 'TYPE_INVALID']]],
    ['a long rank', { rank: 'x'.repeat(51) }, [['rank', 'RANK_INVALID']]],
    ['a broken e-mail', { email: 'budi@' }, [['email', 'EMAIL_INVALID']]],
    ['an unknown unit', { unit: 'BAPPEDA' }, [['unit', 'UNIT_UNKNOWN']]],
    ['an unknown position', { position: 'Camat' }, [['position', 'POSITION_UNKNOWN']]],
    ['an unknown supervisor position', { supervisorPosition: 'Bupati' }, [['supervisorPosition', 'SUPERVISOR_POSITION_UNKNOWN']]],
    ['an ambiguous supervisor position', { supervisorPosition: 'Pelaksana' }, [['supervisorPosition', 'SUPERVISOR_POSITION_AMBIGUOUS']]],
    ['a supervisor without a position', { position: '', supervisorPosition: 'Sekretaris Daerah' }, [['supervisorPosition', 'SUPERVISOR_WITHOUT_POSITION']]],
    [
      'the Sekda reporting to the Kabag below it',
      { position: 'Sekretaris Daerah', supervisorPosition: 'Kepala Bagian Umum' },
      [['supervisorPosition', 'REPORTING_CYCLE']],
    ],
    ['a held position', { position: 'Kepala Bagian Umum' }, [['position', 'POSITION_TAKEN']]],
  ])('%s', (_case, cells, expected) => {
    expect(codesOf([row(2, cells)])).toEqual(expected.map(([column, code]) => [2, column, code]));
  });

  it.each([
    ['19900101201503100', 'NIP tidak valid: harus tepat 18 angka', 'The NIP is invalid: must be exactly 18 digits'],
    [
      '199001012015033001',
      'NIP tidak valid: angka ke-15 harus 1 (laki-laki) atau 2 (perempuan)',
      'The NIP is invalid: digit 15 is "3"; it must be 1 (male) or 2 (female)',
    ],
    [
      '199013012015031000',
      'NIP tidak valid: angka 1–8 bukan tanggal lahir yang sah (YYYYMMDD); angka 16–18 harus nomor urut mulai 001',
      'The NIP is invalid: digits 1-8 (19901301) are not a valid past birth date YYYYMMDD; digits 16-18 must be a sequence from 001',
    ],
  ])('says what is wrong with NIP %s in Indonesian and in English', (nip, indonesian, english) => {
    const [problem] = checkImport([row(2, { nip })], state, today, newId).problems;
    expect([problem?.message, problem?.messageEnglish]).toEqual([indonesian, english]);
  });

  it('names both rows of a NIP that is twice in the file', () => {
    const check = checkImport([row(2, {}), row(3, { position: '' }), row(4, { nip: NIP[1] })], state, today, newId);
    expect(check.problems.map((p) => [p.row, p.code, p.messageEnglish])).toEqual([
      [2, 'NIP_DUPLICATE_IN_FILE', `NIP ${NIP[0]} is also on row 3`],
      [3, 'NIP_DUPLICATE_IN_FILE', `NIP ${NIP[0]} is also on row 2`],
    ]);
    expect(check.problems[0]?.message).toBe(`NIP ${NIP[0]} juga ada pada baris 3`);
    expect(check.invalidRows).toBe(2);
  });

  it('gives posts of one title to rows in turn, and reports the row left without one', () => {
    const check = checkImport([row(2, {}), row(3, { nip: NIP[1] }), row(4, { nip: NIP[2] })], state, today, newId);
    expect(check.valid.map((r) => r.employee.positionId)).toEqual(['p-pel-1', 'p-pel-2']);
    expect(check.problems.map((p) => [p.row, p.code])).toEqual([[4, 'POSITION_TAKEN']]);
  });

  it('frees the post of a holder the file moves, and keeps a holder in the post they hold', () => {
    const check = checkImport(
      [row(2, { nip: '198001012005011001', position: 'Pelaksana' }), row(3, { nip: NIP[1], position: 'Kepala Bagian Umum' })],
      state,
      today,
      newId,
    );
    expect(check.problems).toEqual([]);
    expect(check.valid.map((r) => [r.existing?.id ?? null, r.employee.positionId])).toEqual([
      ['e-kabag', 'p-pel-1'],
      [null, 'p-kabag'],
    ]);
  });

  it('a loop made by two rows of the file, and a row falling out that takes a freed post back', () => {
    const loop = checkImport(
      [
        row(2, { position: 'Sekretaris Daerah', supervisorPosition: 'Kepala Bagian Umum' }),
        row(3, { nip: '198001012005011001', position: 'Kepala Bagian Umum', supervisorPosition: 'Sekretaris Daerah' }),
      ],
      state,
      today,
      newId,
    );
    // Every row whose supervisor position lies on the loop is named.
    expect(loop.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'REPORTING_CYCLE'],
      [3, 'REPORTING_CYCLE'],
    ]);
    const fallsOut = checkImport(
      [row(2, { nip: '198001012005011001', position: 'Pelaksana', email: 'x@' }), row(3, { nip: NIP[1], position: 'Kepala Bagian Umum' })],
      state,
      today,
      newId,
    );
    expect(fallsOut.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'EMAIL_INVALID'],
      [3, 'POSITION_TAKEN'],
    ]);
  });
});

describe('checkImportSteps', () => {
  it('pauses every 1,000 rows with the count checked, and ends with the check checkImport gives', () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => row(i + 2, { unit: 'BAPPEDA' }));
    const steps = checkImportSteps(rows, state, today, newId);
    const seen: number[] = [];
    let step = steps.next();
    while (!step.done) {
      seen.push(step.value);
      step = steps.next();
    }
    expect(seen).toEqual([1_000, 2_000]);
    expect(step.value.problems).toEqual(checkImport(rows, state, today, newId).problems);
  });
});

describe('rowsOfCells', () => {
  it('reads columns by English or Indonesian header names, in any order, skipping blank lines', () => {
    const { rows, problems } = rowsOfCells([
      ['Nama', 'NIP', 'Jenis Pegawai', 'Golongan', 'Jabatan', 'Unit Kerja', 'Jabatan Atasan', 'E-mail', 'Catatan'],
      ['Budi', ' 199001012015031001 ', 'PNS', 'III/a', 'Pelaksana', 'SETDA', 'Kepala Bagian Umum', 'budi@x.id', 'ignored'],
      ['', '', '', '', '', '', '', '', ''],
      ['Siti', '199002022015032002', 'PPPK'],
    ]);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.cells.nip, r.cells.name, r.cells.supervisorPosition, r.cells.email])).toEqual([
      [2, '199001012015031001', 'Budi', 'Kepala Bagian Umum', 'budi@x.id'],
      [4, '199002022015032002', 'Siti', '', ''],
    ]);
  });

  it.each([
    [
      'a missing required column',
      [
        ['nip', 'name', 'unit'],
        ['1', 'a', 'b'],
      ],
      [[1, 'type', 'MISSING_COLUMN']],
    ],
    ['a header alone', [['nip', 'name', 'type', 'unit']], [[1, 'nip', 'EMPTY_FILE']]],
  ])('%s', (_case, cells, expected) => {
    expect(rowsOfCells(cells).problems.map((p) => [p.row, p.column, p.code])).toEqual(expected);
  });
});

describe('planImport', () => {
  const kabagRow = (cells: ImportRow['cells']) => row(2, { nip: '198001012005011001', name: 'Pegawai e-kabag', position: 'Kepala Bagian Umum', ...cells });
  const plan = (rows: ImportRow[]) => planImport(checkImport(rows, state, today, newId).valid, state);

  it.each<[string, ImportRow['cells'], { created: number; changed: string[]; unchanged: number; positions: number }]>([
    ['the stored employee again', {}, { created: 0, changed: [], unchanged: 1, positions: 0 }],
    ['the same supervisor given', { supervisorPosition: 'Sekretaris Daerah' }, { created: 0, changed: [], unchanged: 1, positions: 0 }],
    ['a new rank', { rank: 'III/b' }, { created: 0, changed: ['employee.updated'], unchanged: 0, positions: 0 }],
    ['another post', { position: 'Pelaksana' }, { created: 0, changed: ['employee.transferred'], unchanged: 0, positions: 0 }],
    ['another unit', { unit: 'DINKES', position: 'Perawat' }, { created: 0, changed: ['employee.transferred'], unchanged: 0, positions: 0 }],
    ['a new supervisor position', { supervisorPosition: 'Kepala Dinas Kesehatan' }, { created: 0, changed: [], unchanged: 1, positions: 1 }],
  ])('%s', (_case, cells, expected) => {
    const result = plan([kabagRow(cells)]);
    expect({
      created: result.created.length,
      changed: result.changed.map((c) => c.action),
      unchanged: result.unchanged,
      positions: result.positions.length,
    }).toEqual(expected);
  });

  it('a new NIP is registered; its supervisor is the holder up the line; reports of a re-pointed post get a new supervisor', () => {
    const result = plan([row(2, { supervisorPosition: 'Kepala Bagian Umum' }), row(3, { nip: NIP[1], position: 'Sekretaris Daerah' })]);
    expect(result.created.map((e) => e.positionId)).toEqual(['p-pel-1', 'p-sekda']);
    expect(result.supervisorAfter.get(result.created[0]!.id)).toBe('e-kabag');
    expect(result.supervisorAfter.get('e-kabag')).toBe(result.created[1]!.id);
    expect(result.newSupervisor.map((e) => e.id)).toEqual(['e-kabag']);
  });
});

describe('reporting line helpers', () => {
  it.each<[string, [string, string | null][], string[]]>([
    [
      'a chain',
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', null],
      ],
      [],
    ],
    ['a self loop', [['a', 'a']], ['a']],
    [
      'a loop below a tail',
      [
        ['t', 'a'],
        ['a', 'b'],
        ['b', 'a'],
      ],
      ['a', 'b'],
    ],
  ])('positionsOnCycles: %s', (_case, edges, expected) => {
    expect([...positionsOnCycles(new Map(edges))].sort()).toEqual(expected);
  });

  it('supervisorsOf skips a vacant post', () => {
    const edges = new Map<string, string | null>([
      ['low', 'mid'],
      ['mid', 'top'],
      ['top', null],
    ]);
    const people = [person('x', NIP[0], 'low'), person('y', NIP[1], 'top')];
    expect(supervisorsOf(people, edges)).toEqual(
      new Map([
        ['x', 'y'],
        ['y', null],
      ]),
    );
  });
});
