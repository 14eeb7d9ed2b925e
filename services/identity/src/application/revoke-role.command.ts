import type { RoleGrant } from '@kinerja/auth';
import { ValidationError } from '@kinerja/errors';

import { visibleGrants } from '../domain/account-admin.rule';
import type { AccountRepository, OrganisationRepository } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { type GrantRoleInput, roleTarget } from './grant-role.command';

/**
 * Revokes a role, by whoever may grant it on that account. The holder's next refresh (at most an
 * access token's lifetime later) carries the grants without it. The last province admin stays.
 */
export class RevokeRole {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly organisation: OrganisationRepository,
  ) {}

  async execute(actor: Actor, input: GrantRoleInput): Promise<RoleGrant[]> {
    const target = await roleTarget(this.accounts, this.organisation, actor, input);
    if (input.role === 'PROVINCE_ADMIN' && target.account.id === actor.viewer.userId) {
      throw new ValidationError({ field: 'input.userId', message: 'a province admin does not revoke their own role' });
    }
    const grant: RoleGrant = { role: input.role, agencyId: input.agencyId };
    await this.accounts.revokeRole(target.account.id, grant, auditContextOf(actor), target.agencyId);
    const grants = target.grants.filter((g) => !(g.role === grant.role && g.agencyId === grant.agencyId));
    return visibleGrants(actor.viewer, grants);
  }
}
