import type { FieldProblem } from '@kinerja/errors';

import { type GapProgrammeMapping } from './gap-mapping.rule';
import { requireCode, throwIfAny } from './validation';
import { CORE_VALUES, type CoreValue, isCoreValue } from './vocabulary';

/** One row of an agency's own mapping: `CORE_VALUE:<value>` or `WORK_RESULT`; a null code sends the gap to HR. */
export interface GapMappingOverride {
  gap: string;
  programmeCode: string | null;
}

export const WORK_RESULT_GAP = 'WORK_RESULT';

/**
 * The gaps an agency may map: each BerAKHLAK value, and WORK_RESULT for every MAIN work result
 * rated BELOW (too varied to map one by one). A poor predikat without named gaps always goes to HR.
 */
export const MAPPABLE_GAPS = [...CORE_VALUES, WORK_RESULT_GAP] as const;
export type MappableGap = (typeof MAPPABLE_GAPS)[number];

export function isMappableGap(value: string): value is MappableGap {
  return (MAPPABLE_GAPS as readonly string[]).includes(value);
}

/** The key a mapping row is stored under, the same as `gapKey` for a value (work results share one row). */
export function overrideKeyOf(gap: MappableGap): string {
  return gap === WORK_RESULT_GAP ? WORK_RESULT_GAP : `CORE_VALUE:${gap}`;
}

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

/**
 * A row HR sets: the gap must be one an agency may map, and the programme (when given) one of the
 * codes offered to the agency today — the province-wide catalogue or its own. A null programme
 * sends the gap to HR every time.
 */
export function newGapMappingOverride(input: { gap: string; programmeCode: string | null }, offeredCodes: ReadonlySet<string>): GapMappingOverride {
  const problems: FieldProblem[] = [];
  if (!isMappableGap(input.gap)) problems.push({ field: 'gap', message: `must be a BerAKHLAK value or ${WORK_RESULT_GAP}` });
  let programmeCode: string | null = null;
  if (input.programmeCode !== null) {
    const before = problems.length;
    programmeCode = requireCode(problems, 'programCode', input.programmeCode);
    if (problems.length === before && !offeredCodes.has(programmeCode)) {
      problems.push({ field: 'programCode', message: `${programmeCode} is not a programme offered to this agency` });
    }
  }
  throwIfAny(problems);
  return { gap: overrideKeyOf(input.gap as MappableGap), programmeCode };
}

/** One line of `gapProgrammeMapping(agencyId)`: the programme a gap leads to and whether the agency chose it. */
export interface GapMappingEntry {
  gap: MappableGap;
  /** Null: the gap goes to HR to choose. */
  programmeCode: string | null;
  agencyOverride: boolean;
}

/** The effective mapping, one entry per mappable gap, in BerAKHLAK order then WORK_RESULT. */
export function gapMappingEntries(base: GapProgrammeMapping, overrides: readonly GapMappingOverride[]): GapMappingEntry[] {
  const mapping = gapMappingWithOverrides(base, overrides);
  const overridden = new Set(overrides.map((override) => override.gap));
  const valueEntries = CORE_VALUES.map((value: CoreValue) => ({
    gap: value,
    programmeCode: mapping.coreValues[value] ?? null,
    agencyOverride: overridden.has(overrideKeyOf(value)),
  }));
  return [...valueEntries, { gap: WORK_RESULT_GAP, programmeCode: mapping.workResultFallback, agencyOverride: overridden.has(WORK_RESULT_GAP) }];
}
