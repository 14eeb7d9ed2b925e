import { assertAuthenticated, type GrantableRole, hasRole, type RoleGrant } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import type { AccountRepository, OrganisationRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';

export interface GrantRoleInput {
  userId: string;
  role: GrantableRole;
  /** Null grants the role province-wide (the province admin only). */
  agencyId: string | null;
}

const PROVINCE_WIDE_ONLY: readonly GrantableRole[] = ['PROVINCE_ADMIN'];

/**
 * A province-wide grant (APPLICANT included: there is no self-registration, applicant accounts
 * are set up by the province) needs the province admin; an agency grant needs the province admin
 * or that agency's HR admin.
 */
export class GrantRole {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly organisation: OrganisationRepository,
  ) {}

  async execute(actor: Actor, input: GrantRoleInput): Promise<RoleGrant[]> {
    assertAuthenticated(actor.viewer);
    if (PROVINCE_WIDE_ONLY.includes(input.role) && input.agencyId !== null) {
      throw new ValidationError({ field: 'input.agencyId', message: `${input.role} is always province-wide` });
    }
    if (input.agencyId === null) {
      if (!hasRole(actor.viewer, 'PROVINCE_ADMIN', null)) throw new ForbiddenError('Only the province admin grants province-wide roles');
    } else {
      const [agency] = await this.organisation.agenciesByIds([input.agencyId]);
      if (!agency) throw new NotFoundError('Agency', input.agencyId, 'input.agencyId');
      if (!hasRole(actor.viewer, 'PROVINCE_ADMIN', agency.id) && !hasRole(actor.viewer, 'HR_ADMIN', agency.id)) {
        throw new ForbiddenError("Only the province admin or this agency's HR admin grants its roles");
      }
    }
    const target = await this.accounts.byId(input.userId);
    if (!target) throw new NotFoundError('UserAccount', input.userId, 'input.userId');
    const grant: RoleGrant = { role: input.role, agencyId: input.agencyId };
    if (!target.grants.some((g) => g.role === grant.role && g.agencyId === grant.agencyId)) {
      await this.accounts.grantRole(target.account.id, grant, auditContextOf(actor));
      return [...target.grants, grant];
    }
    return target.grants;
  }
}
