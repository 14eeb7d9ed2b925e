import { DEFAULT_GAP_MAPPING, developmentNeeded, type GapProgrammeMapping, planAssignmentsForGaps } from './gap-mapping.rule';
import { CORE_VALUES, type CoreValue, PREDIKATS } from './vocabulary';

const rhk = (id: string) => ({ id, title: `Hasil kerja ${id}` });

describe('developmentNeeded', () => {
  it.each([
    ['SANGAT_BAIK', false],
    ['BAIK', false],
    ['BUTUH_PERBAIKAN', true],
    ['KURANG', true],
    ['SANGAT_KURANG', true],
  ] as const)('%s → %s', (predikat, needed) => {
    expect(developmentNeeded(predikat)).toBe(needed);
  });

  it('covers every predikat', () => {
    expect(PREDIKATS.filter(developmentNeeded)).toEqual(['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']);
  });
});

describe('DEFAULT_GAP_MAPPING', () => {
  it.each([
    ['KOLABORATIF', 'KOM-EFEKTIF'],
    ['BERORIENTASI_PELAYANAN', 'PELAYANAN-PRIMA'],
  ] as const)('seeds %s → %s as the issue asks', (value, code) => {
    expect(DEFAULT_GAP_MAPPING.coreValues[value]).toBe(code);
  });

  it('maps every core value and the work results', () => {
    expect(CORE_VALUES.filter((v) => !DEFAULT_GAP_MAPPING.coreValues[v])).toEqual([]);
    expect(DEFAULT_GAP_MAPPING.workResultFallback).toBe('PERENCANAAN-KINERJA');
  });
});

describe('planAssignmentsForGaps', () => {
  const plan = (predikat: (typeof PREDIKATS)[number], behaviourGaps: CoreValue[], workResults: string[], mapping: GapProgrammeMapping = DEFAULT_GAP_MAPPING) =>
    planAssignmentsForGaps({ predikat, behaviourGaps, workResultGaps: workResults.map(rhk), mapping }).map((p) => ({
      code: p.programmeCode,
      status: p.status,
      gaps: p.gaps.map((g) => (g.kind === 'CORE_VALUE' ? g.value : g.kind === 'WORK_RESULT' ? g.id : `OVERALL:${g.predikat}`)),
    }));

  const partial: GapProgrammeMapping = { coreValues: { KOLABORATIF: 'KOM-EFEKTIF', HARMONIS: 'KOM-EFEKTIF', LOYAL: '  ' }, workResultFallback: null };

  it.each([
    ['a good predikat assigns nothing, whatever the gaps', 'BAIK', ['KOLABORATIF'], ['r1'], DEFAULT_GAP_MAPPING, []],
    ['SANGAT_BAIK assigns nothing', 'SANGAT_BAIK', [], [], DEFAULT_GAP_MAPPING, []],
    [
      'the flagship case: Kolaboratif BELOW → effective communication',
      'KURANG',
      ['KOLABORATIF'],
      [],
      DEFAULT_GAP_MAPPING,
      [{ code: 'KOM-EFEKTIF', status: 'ASSIGNED', gaps: ['KOLABORATIF'] }],
    ],
    [
      'each value its programme, all work results share the fallback',
      'SANGAT_KURANG',
      ['BERORIENTASI_PELAYANAN', 'AKUNTABEL'],
      ['r1', 'r2'],
      DEFAULT_GAP_MAPPING,
      [
        { code: 'PELAYANAN-PRIMA', status: 'ASSIGNED', gaps: ['BERORIENTASI_PELAYANAN'] },
        { code: 'AKUNTABILITAS-KINERJA', status: 'ASSIGNED', gaps: ['AKUNTABEL'] },
        { code: 'PERENCANAAN-KINERJA', status: 'ASSIGNED', gaps: ['r1', 'r2'] },
      ],
    ],
    [
      'two values on one programme make one assignment listing both',
      'KURANG',
      ['KOLABORATIF', 'HARMONIS'],
      [],
      partial,
      [{ code: 'KOM-EFEKTIF', status: 'ASSIGNED', gaps: ['KOLABORATIF', 'HARMONIS'] }],
    ],
    [
      'unmapped, blank and fallback-less gaps each await HR, one by one',
      'BUTUH_PERBAIKAN',
      ['ADAPTIF', 'LOYAL', 'KOLABORATIF'],
      ['r1', 'r2'],
      partial,
      [
        { code: null, status: 'AWAITING_HR_CHOICE', gaps: ['ADAPTIF'] },
        { code: null, status: 'AWAITING_HR_CHOICE', gaps: ['LOYAL'] },
        { code: 'KOM-EFEKTIF', status: 'ASSIGNED', gaps: ['KOLABORATIF'] },
        { code: null, status: 'AWAITING_HR_CHOICE', gaps: ['r1'] },
        { code: null, status: 'AWAITING_HR_CHOICE', gaps: ['r2'] },
      ],
    ],
    [
      'a repeated gap counts once',
      'KURANG',
      ['KOLABORATIF', 'KOLABORATIF'],
      ['r1', 'r1'],
      DEFAULT_GAP_MAPPING,
      [
        { code: 'KOM-EFEKTIF', status: 'ASSIGNED', gaps: ['KOLABORATIF'] },
        { code: 'PERENCANAAN-KINERJA', status: 'ASSIGNED', gaps: ['r1'] },
      ],
    ],
    [
      'a poor predikat with no gap named still reaches HR',
      'KURANG',
      [],
      [],
      DEFAULT_GAP_MAPPING,
      [{ code: null, status: 'AWAITING_HR_CHOICE', gaps: ['OVERALL:KURANG'] }],
    ],
  ] as const)('%s', (_name, predikat, values, results, mapping, expected) => {
    expect(plan(predikat, [...values], [...results], mapping)).toEqual(expected);
  });

  it('sends a mapped programme the agency no longer offers to HR', () => {
    const planned = planAssignmentsForGaps({
      predikat: 'KURANG',
      behaviourGaps: ['KOLABORATIF', 'AKUNTABEL'],
      workResultGaps: [],
      mapping: DEFAULT_GAP_MAPPING,
      offeredCodes: new Set(['AKUNTABILITAS-KINERJA']),
    });
    expect(planned.map((p) => [p.programmeCode, p.status])).toEqual([
      [null, 'AWAITING_HR_CHOICE'],
      ['AKUNTABILITAS-KINERJA', 'ASSIGNED'],
    ]);
  });

  it('never drops a gap: every gap of every poor predikat lands in exactly one assignment', () => {
    for (const predikat of ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const) {
      for (const mapping of [DEFAULT_GAP_MAPPING, partial, { coreValues: {}, workResultFallback: null }]) {
        const planned = planAssignmentsForGaps({ predikat, behaviourGaps: [...CORE_VALUES], workResultGaps: [rhk('r1'), rhk('r2')], mapping });
        expect(planned.flatMap((p) => p.gaps)).toHaveLength(CORE_VALUES.length + 2);
      }
    }
  });
});
