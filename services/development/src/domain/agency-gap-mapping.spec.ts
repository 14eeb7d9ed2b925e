import { gapMappingWithOverrides } from './agency-gap-mapping';
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
