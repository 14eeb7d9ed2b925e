import { assertCanReadAgency, type Viewer } from '@kinerja/auth';

import { gapMappingEntries, type GapMappingEntry, type GapMappingOverride } from '../domain/agency-gap-mapping';
import { catalogueOfAgency } from '../domain/catalogue';
import { DEFAULT_GAP_MAPPING } from '../domain/gap-mapping.rule';
import type { CatalogueRepository, GapMappingRepository } from '../domain/repositories';
import type { TrainingProgram } from '../domain/training-program';
import { requireUuid } from '../domain/validation';

/** A line of the effective mapping with the programme it resolves to in the agency's catalogue. */
export interface GapMappingView extends GapMappingEntry {
  /** Null when no programme is mapped or the mapped code is not offered: the gap goes to HR, as the handler does. */
  programme: TrainingProgram | null;
}

/** The effective mapping as the finalized-assessment handler applies it: default, the agency's rows, its catalogue. */
export function gapMappingViews(agencyId: string, programmes: readonly TrainingProgram[], overrides: readonly GapMappingOverride[]): GapMappingView[] {
  const catalogue = catalogueOfAgency(programmes, agencyId);
  return gapMappingEntries(DEFAULT_GAP_MAPPING, overrides).map((entry) => ({
    ...entry,
    programme: entry.programmeCode === null ? null : (catalogue.get(entry.programmeCode) ?? null),
  }));
}

/** The line of one gap, for the mutations' answer; the gap was validated before. */
export function gapMappingViewOf(
  agencyId: string,
  programmes: readonly TrainingProgram[],
  overrides: readonly GapMappingOverride[],
  gap: string,
): GapMappingView {
  const view = gapMappingViews(agencyId, programmes, overrides).find((line) => line.gap === gap);
  if (!view) throw new Error(`${gap} is not a mappable gap`);
  return view;
}

/** `gapProgrammeMapping(agencyId)`: like the catalogue it refers to, open to whoever reads the agency. */
export class GapMappingReader {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly mappings: GapMappingRepository,
  ) {}

  async mappingOf(viewer: Viewer, agencyId: string): Promise<GapMappingView[]> {
    assertCanReadAgency(viewer, agencyId);
    requireUuid('agencyId', agencyId);
    const [programmes, overrides] = await Promise.all([this.catalogue.programmes([agencyId]), this.mappings.overridesOf(agencyId)]);
    return gapMappingViews(agencyId, programmes, overrides);
  }
}
