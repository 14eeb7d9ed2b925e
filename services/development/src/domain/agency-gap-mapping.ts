import { type GapProgrammeMapping } from './gap-mapping.rule';
import { isCoreValue } from './vocabulary';

/** One row of an agency's own mapping: `CORE_VALUE:<value>` or `WORK_RESULT`; a null code sends the gap to HR. */
export interface GapMappingOverride {
  gap: string;
  programmeCode: string | null;
}

export const WORK_RESULT_GAP = 'WORK_RESULT';

/** The agency's mapping: its own rows where it has them, the default everywhere else. */
export function gapMappingWithOverrides(base: GapProgrammeMapping, overrides: readonly GapMappingOverride[]): GapProgrammeMapping {
  const coreValues = { ...base.coreValues };
  let workResultFallback = base.workResultFallback;
  for (const override of overrides) {
    if (override.gap === WORK_RESULT_GAP) {
      workResultFallback = override.programmeCode;
      continue;
    }
    const value = override.gap.startsWith('CORE_VALUE:') ? override.gap.slice('CORE_VALUE:'.length) : '';
    if (!isCoreValue(value)) continue;
    if (override.programmeCode === null) delete coreValues[value];
    else coreValues[value] = override.programmeCode;
  }
  return { coreValues, workResultFallback };
}
