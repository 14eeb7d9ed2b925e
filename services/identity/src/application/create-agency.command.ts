import { assertAuthenticated, hasRole } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';

import { type Agency, type AgencyKind, newAgency } from '../domain/organisation';
import type { OrganisationRepository } from '../domain/repositories';
import type { IdGenerator } from '../domain/token-issuer';
import { type Actor, auditContextOf } from './actor';

export interface CreateAgencyInput {
  code: string;
  name: string;
  kind: AgencyKind;
  parentId: string | null;
}

/**
 * Only the province admin creates agencies (the province itself and its regencies and cities). A
 * code that is taken answers CONFLICT from the repository's unique key, races included.
 */
export class CreateAgency {
  constructor(
    private readonly organisation: OrganisationRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: CreateAgencyInput): Promise<Agency> {
    assertAuthenticated(actor.viewer);
    if (!hasRole(actor.viewer, 'PROVINCE_ADMIN', null)) throw new ForbiddenError('Only the province admin creates agencies');
    const agency = newAgency(this.ids.newId(), input);
    if (agency.parentId) {
      const [parent] = await this.organisation.agenciesByIds([agency.parentId]);
      if (!parent) throw new NotFoundError('Agency', agency.parentId, 'input.parentId');
    }
    await this.organisation.createAgency(agency, auditContextOf(actor));
    return agency;
  }
}
