import { assertCanManageAgency } from '@kinerja/auth';
import { NotFoundError, ValidationError } from '@kinerja/errors';

import { newOrgUnit, type OrgUnit } from '../domain/organisation';
import type { OrganisationRepository } from '../domain/repositories';
import type { IdGenerator } from '../domain/token-issuer';
import { type Actor, auditContextOf } from './actor';

export interface CreateOrgUnitInput {
  agencyId: string;
  parentId: string | null;
  code: string;
  name: string;
}

export class CreateOrgUnit {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: CreateOrgUnitInput): Promise<OrgUnit> {
    const [agency] = await this.organisation.agenciesByIds([input.agencyId]);
    if (!agency) throw new NotFoundError('Agency', input.agencyId, 'input.agencyId');
    assertCanManageAgency(actor.viewer, agency.id);
    const unit = newOrgUnit(this.ids.newId(), input);
    if (unit.parentId) {
      const [parent] = await this.organisation.orgUnitsByIds([unit.parentId]);
      if (!parent) throw new NotFoundError('OrgUnit', unit.parentId, 'input.parentId');
      if (parent.agencyId !== agency.id) throw new ValidationError({ field: 'input.parentId', message: 'belongs to another agency' });
    }
    await this.organisation.createOrgUnit(unit, auditContextOf(actor));
    return unit;
  }
}
