import { assertCanManageAgency } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';

import { isMappableGap, overrideKeyOf, WORK_RESULT_GAP } from '../domain/agency-gap-mapping';
import type { CatalogueRepository, GapMappingRepository } from '../domain/repositories';
import { requireUuid } from '../domain/validation';
import { type Actor, auditContextOf } from './actor';
import { type GapMappingView, gapMappingViewOf } from './gap-mapping.reader';

/** HR drops the agency's own row for a gap: the province default applies again. Clearing twice is harmless. */
export class ClearGapProgrammeMapping {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly mappings: GapMappingRepository,
  ) {}

  async execute(actor: Actor, agencyId: string, gap: string): Promise<GapMappingView> {
    assertCanManageAgency(actor.viewer, agencyId);
    requireUuid('agencyId', agencyId);
    if (!isMappableGap(gap)) throw new ValidationError({ field: 'gap', message: `must be a BerAKHLAK value or ${WORK_RESULT_GAP}` });
    await this.mappings.clear(agencyId, overrideKeyOf(gap), auditContextOf(actor));
    const [programmes, overrides] = await Promise.all([this.catalogue.programmes([agencyId]), this.mappings.overridesOf(agencyId)]);
    return gapMappingViewOf(agencyId, programmes, overrides, gap);
  }
}
