import { ValidationError } from '@kinerja/errors';

import { gapMappingEntries, gapMappingWithOverrides, newGapMappingOverride } from './agency-gap-mapping';
import { DEFAULT_GAP_MAPPING } from './gap-mapping.rule';

describe('gapMappingWithOverrides', () => {
  it('is the default mapping when the agency has no rows of its own', () => {
    expect(gapMappingWithOverrides(DEFAULT_GAP_MAPPING, [])).toEqual(DEFAULT_GAP_MAPPING);
  });

  it.each([
    ['replaces one value', { gap: 'CORE_VALUE:KOLABORATIF', programmeCode: 'KERJA-TIM' }, 'KOLABORATIF', 'KERJA-TIM', 'PERENCANAAN-KINERJA'],
    ['sends one value to HR', { gap: 'CORE_VALUE:HARMONIS', programmeCode: null }, 'HARMONIS', undefined, 'PERENCANAAN-KINERJA'],
    ['replaces the work-result programme', { gap: 'WORK_RESULT', programmeCode: 'SKP-KLINIK' }, 'KOLABORATIF', 'KOM-EFEKTIF', 'SKP-KLINIK'],
    ['ignores a row naming no BerAKHLAK value', { gap: 'CORE_VALUE:JUJUR', programmeCode: 'X' }, 'LOYAL', 'WAWASAN-KEBANGSAAN', 'PERENCANAAN-KINERJA'],
  ] as const)('%s', (_case, override, value, expected, workResult) => {
    const mapping = gapMappingWithOverrides(DEFAULT_GAP_MAPPING, [override]);
    expect(mapping.coreValues[value]).toBe(expected);
    expect(mapping.workResultFallback).toBe(workResult);
  });

  it('leaves the frozen default untouched', () => {
    gapMappingWithOverrides(DEFAULT_GAP_MAPPING, [{ gap: 'CORE_VALUE:LOYAL', programmeCode: null }]);
    expect(DEFAULT_GAP_MAPPING.coreValues.LOYAL).toBe('WAWASAN-KEBANGSAAN');
  });
});

describe('newGapMappingOverride', () => {
  const offered = new Set(['KOM-EFEKTIF', 'KERJA-TIM', 'PERENCANAAN-KINERJA']);
  const problemsOf = (input: { gap: string; programmeCode: string | null }) => {
    try {
      newGapMappingOverride(input, offered);
    } catch (error) {
      if (error instanceof ValidationError) return error.problems.map((p) => p.field);
      throw error;
    }
    return [];
  };

  it.each([
    ['a BerAKHLAK value', { gap: 'KOLABORATIF', programmeCode: 'kerja-tim' }, { gap: 'CORE_VALUE:KOLABORATIF', programmeCode: 'KERJA-TIM' }],
    ['the work-result gap', { gap: 'WORK_RESULT', programmeCode: 'PERENCANAAN-KINERJA' }, { gap: 'WORK_RESULT', programmeCode: 'PERENCANAAN-KINERJA' }],
    ['a value sent to HR', { gap: 'HARMONIS', programmeCode: null }, { gap: 'CORE_VALUE:HARMONIS', programmeCode: null }],
  ])('stores %s under its gap key, the code upper-cased', (_case, input, expected) => {
    expect(newGapMappingOverride(input, offered)).toEqual(expected);
  });

  it.each([
    ['a value outside BerAKHLAK', { gap: 'JUJUR', programmeCode: 'KERJA-TIM' }, ['gap']],
    ['the predikat as a whole (always HR)', { gap: 'OVERALL', programmeCode: 'KERJA-TIM' }, ['gap']],
    ['a stored key instead of the gap', { gap: 'CORE_VALUE:LOYAL', programmeCode: 'KERJA-TIM' }, ['gap']],
    ['a programme not offered to the agency', { gap: 'LOYAL', programmeCode: 'TIDAK-ADA' }, ['programCode']],
    ['a malformed code', { gap: 'LOYAL', programmeCode: 'kerja tim!' }, ['programCode']],
    ['both at once', { gap: 'jujur', programmeCode: '' }, ['gap', 'programCode']],
  ])('refuses %s, naming the field', (_case, input, fields) => {
    expect(problemsOf(input)).toEqual(fields);
  });
});

describe('gapMappingEntries', () => {
  it('lists every mappable gap once, marking the agency’s own rows', () => {
    const entries = gapMappingEntries(DEFAULT_GAP_MAPPING, [
      { gap: 'CORE_VALUE:KOLABORATIF', programmeCode: 'KERJA-TIM' },
      { gap: 'WORK_RESULT', programmeCode: null },
    ]);
    expect(entries.map((entry) => entry.gap)).toEqual([
      'BERORIENTASI_PELAYANAN',
      'AKUNTABEL',
      'KOMPETEN',
      'HARMONIS',
      'LOYAL',
      'ADAPTIF',
      'KOLABORATIF',
      'WORK_RESULT',
    ]);
    expect(entries.find((entry) => entry.gap === 'KOLABORATIF')).toEqual({ gap: 'KOLABORATIF', programmeCode: 'KERJA-TIM', agencyOverride: true });
    expect(entries.find((entry) => entry.gap === 'WORK_RESULT')).toEqual({ gap: 'WORK_RESULT', programmeCode: null, agencyOverride: true });
    expect(entries.find((entry) => entry.gap === 'LOYAL')).toEqual({ gap: 'LOYAL', programmeCode: 'WAWASAN-KEBANGSAAN', agencyOverride: false });
  });
});
