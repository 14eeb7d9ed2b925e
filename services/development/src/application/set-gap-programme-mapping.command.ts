import { assertCanManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';

import { newGapMappingOverride } from '../domain/agency-gap-mapping';
import { catalogueOfAgency } from '../domain/catalogue';
import type { CatalogueRepository, GapMappingRepository } from '../domain/repositories';
import { requireUuid } from '../domain/validation';
import { type Actor, auditContextOf } from './actor';
import { type GapMappingView, gapMappingViewOf } from './gap-mapping.reader';

export interface SetGapProgrammeMappingInput {
  agencyId: string;
  gap: string;
  /** Null: this gap always goes to HR to choose. */
  programmeCode: string | null;
}

/** HR chooses the agency's own programme for a gap; later finalized assessments use it. */
export class SetGapProgrammeMapping {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly mappings: GapMappingRepository,
  ) {}

  async execute(actor: Actor, input: SetGapProgrammeMappingInput): Promise<GapMappingView> {
    assertCanManageAgency(actor.viewer, input.agencyId);
    requireUuid('input.agencyId', input.agencyId);
    const programmes = await this.catalogue.programmes([input.agencyId]);
    const offered = new Set(catalogueOfAgency(programmes, input.agencyId).keys());
    let override;
    try {
      override = newGapMappingOverride(input, offered);
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    await this.mappings.set(input.agencyId, override, auditContextOf(actor));
    return gapMappingViewOf(input.agencyId, programmes, await this.mappings.overridesOf(input.agencyId), input.gap);
  }
}
