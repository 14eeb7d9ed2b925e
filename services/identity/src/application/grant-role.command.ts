import { assertAuthenticated, type GrantableRole, hasRole, type RoleGrant } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';

import type { ManagedAccount } from '../domain/account';
import { roleChangeVerdict, visibleGrants } from '../domain/account-admin.rule';
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
 * The account a role changes on, if the actor may change it: an HR admin only on accounts of their
 * own agency and only that agency's roles (another agency's account answers like an unknown one);
 * the province admin anywhere, province-wide roles included.
 */
export async function roleTarget(
  accounts: AccountRepository,
  organisation: OrganisationRepository,
  actor: Actor,
  input: GrantRoleInput,
): Promise<ManagedAccount> {
  assertAuthenticated(actor.viewer);
  if (PROVINCE_WIDE_ONLY.includes(input.role) && input.agencyId !== null) {
    throw new ValidationError({ field: 'input.agencyId', message: `${input.role} is always province-wide` });
  }
  if (input.agencyId === null) {
    if (!hasRole(actor.viewer, 'PROVINCE_ADMIN', null)) throw new ForbiddenError('Only the province admin grants province-wide roles');
  } else {
    const [agency] = await organisation.agenciesByIds([input.agencyId]);
    if (!agency) throw new NotFoundError('Agency', input.agencyId, 'input.agencyId');
    if (!hasRole(actor.viewer, 'PROVINCE_ADMIN', agency.id) && !hasRole(actor.viewer, 'HR_ADMIN', agency.id)) {
      throw new ForbiddenError("Only the province admin or this agency's HR admin grants its roles");
    }
  }
  const target = await accounts.managedById(input.userId);
  const verdict = target ? roleChangeVerdict(actor.viewer, input.agencyId, target.agencyId) : 'NOT_FOUND';
  if (!target || verdict === 'NOT_FOUND') throw new NotFoundError('UserAccount', input.userId, 'input.userId');
  if (verdict !== 'ALLOWED') throw new ForbiddenError("An HR admin grants only their agency's roles on their agency's accounts");
  return target;
}

/**
 * A province-wide grant (APPLICANT included: there is no self-registration, applicant accounts
 * are set up by the province) needs the province admin; an agency grant needs the province admin
 * or that agency's HR admin, on an account of that agency. Answers the grants the actor may see.
 */
export class GrantRole {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly organisation: OrganisationRepository,
  ) {}

  async execute(actor: Actor, input: GrantRoleInput): Promise<RoleGrant[]> {
    const target = await roleTarget(this.accounts, this.organisation, actor, input);
    const grant: RoleGrant = { role: input.role, agencyId: input.agencyId };
    let grants = target.grants;
    if (!grants.some((g) => g.role === grant.role && g.agencyId === grant.agencyId)) {
      await this.accounts.grantRole(target.account.id, grant, auditContextOf(actor));
      grants = [...grants, grant];
    }
    return visibleGrants(actor.viewer, grants);
  }
}
