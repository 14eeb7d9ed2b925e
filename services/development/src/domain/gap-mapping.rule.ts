import type { CoreValue, Predikat } from './vocabulary';

/** The programme a new CPNS must complete (rule 5), assigned on `recruitment.applicant.hired`. */
export const LATSAR_CPNS_CODE = 'LATSAR-CPNS';
/** The programme a coaching sanction assigns, on `performance.sanction.issued`. */
export const COACHING_CODE = 'COACHING-KINERJA';

/**
 * What a poor assessment found lacking: a BerAKHLAK value or a MAIN work result rated BELOW, or,
 * when the assessment named neither, the predikat itself (rule 5 still demands development).
 */
export type Gap = { kind: 'CORE_VALUE'; value: CoreValue } | { kind: 'WORK_RESULT'; id: string; title: string } | { kind: 'OVERALL'; predikat: Predikat };

/** An agency's choice of programme per gap; a value left out goes to HR to choose. */
export interface GapProgrammeMapping {
  coreValues: Readonly<Partial<Record<CoreValue, string>>>;
  /** Work results are too varied to map one by one: all of them share this programme. */
  workResultFallback: string | null;
}

export const DEFAULT_GAP_MAPPING: GapProgrammeMapping = Object.freeze({
  coreValues: Object.freeze({
    BERORIENTASI_PELAYANAN: 'PELAYANAN-PRIMA',
    AKUNTABEL: 'AKUNTABILITAS-KINERJA',
    KOMPETEN: 'PENGEMBANGAN-KOMPETENSI',
    HARMONIS: 'HARMONI-KERJA',
    LOYAL: 'WAWASAN-KEBANGSAAN',
    ADAPTIF: 'MANAJEMEN-PERUBAHAN',
    KOLABORATIF: 'KOM-EFEKTIF',
  }),
  workResultFallback: 'PERENCANAAN-KINERJA',
});

/**
 * One assignment to create. A programme appears once, with every gap it answers, because the same
 * employee, programme and cause may never be assigned twice; a gap without a programme stands alone,
 * since HR may choose a different programme for each.
 */
export interface PlannedAssignment {
  programmeCode: string | null;
  status: 'ASSIGNED' | 'AWAITING_HR_CHOICE';
  gaps: Gap[];
}

const POOR: ReadonlySet<Predikat> = new Set<Predikat>(['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']);

/** Rule 5: these predikat must lead to development for the gaps found. */
export function developmentNeeded(predikat: Predikat): boolean {
  return POOR.has(predikat);
}

/** Identifies a gap within one assessment; used to drop repeats and to key gap-only assignments. */
export function gapKey(gap: Gap): string {
  switch (gap.kind) {
    case 'CORE_VALUE':
      return `CORE_VALUE:${gap.value}`;
    case 'WORK_RESULT':
      return `WORK_RESULT:${gap.id}`;
    case 'OVERALL':
      return `OVERALL:${gap.predikat}`;
  }
}

export interface GapPlanInput {
  predikat: Predikat;
  behaviourGaps: readonly CoreValue[];
  workResultGaps: readonly { id: string; title: string }[];
  mapping: GapProgrammeMapping;
  /** Codes the agency may use today; a mapped code outside it (retired, misspelt) goes to HR. Omitted: trust the mapping. */
  offeredCodes?: ReadonlySet<string>;
}

function programmeFor(gap: Gap, input: GapPlanInput): string | null {
  const mapped = gap.kind === 'CORE_VALUE' ? input.mapping.coreValues[gap.value] : gap.kind === 'WORK_RESULT' ? input.mapping.workResultFallback : null;
  const code = mapped?.trim() ?? '';
  if (code === '' || (input.offeredCodes && !input.offeredCodes.has(code))) return null;
  return code;
}

/**
 * The assignments a finalized assessment calls for: none unless the predikat is poor, otherwise
 * every gap lands in exactly one planned assignment, in the order the assessment listed them.
 */
export function planAssignmentsForGaps(input: GapPlanInput): PlannedAssignment[] {
  if (!developmentNeeded(input.predikat)) return [];
  const listed: Gap[] = [
    ...input.behaviourGaps.map((value): Gap => ({ kind: 'CORE_VALUE', value })),
    ...input.workResultGaps.map(({ id, title }): Gap => ({ kind: 'WORK_RESULT', id, title })),
  ];
  // A redelivered or sloppily built event may repeat a gap; it is still one gap.
  const gaps = [...new Map(listed.map((gap) => [gapKey(gap), gap])).values()];
  if (gaps.length === 0) gaps.push({ kind: 'OVERALL', predikat: input.predikat });

  const plan: PlannedAssignment[] = [];
  const byProgramme = new Map<string, PlannedAssignment>();
  for (const gap of gaps) {
    const programmeCode = programmeFor(gap, input);
    const existing = programmeCode === null ? undefined : byProgramme.get(programmeCode);
    if (existing) {
      existing.gaps.push(gap);
      continue;
    }
    const planned: PlannedAssignment = { programmeCode, status: programmeCode === null ? 'AWAITING_HR_CHOICE' : 'ASSIGNED', gaps: [gap] };
    if (programmeCode !== null) byProgramme.set(programmeCode, planned);
    plan.push(planned);
  }
  return plan;
}
