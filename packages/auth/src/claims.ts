import { GRANTABLE_ROLES, type GrantableRole, type RoleGrant } from './roles';
import type { Viewer } from './viewer';

export const ACCESS_TOKEN_ALGORITHM = 'ES256';

/** Private claims of an access token; `sub` is the user id. Roles read `ROLE@agencyId` or `ROLE@*`. */
export interface AccessTokenClaims {
  emp?: string;
  agc?: string;
  roles: string[];
}

export function claimsFor(viewer: Viewer): AccessTokenClaims {
  return {
    ...(viewer.employeeId ? { emp: viewer.employeeId } : {}),
    ...(viewer.agencyId ? { agc: viewer.agencyId } : {}),
    roles: viewer.grants.map((grant) => `${grant.role}@${grant.agencyId ?? '*'}`),
  };
}

function parseGrant(value: unknown): RoleGrant | undefined {
  if (typeof value !== 'string') return undefined;
  const [role, scope] = value.split('@');
  if (!role || !scope || !(GRANTABLE_ROLES as readonly string[]).includes(role)) return undefined;
  return { role: role as GrantableRole, agencyId: scope === '*' ? null : scope };
}

export function viewerFromClaims(payload: Record<string, unknown>): Viewer {
  const roles = Array.isArray(payload['roles']) ? payload['roles'] : [];
  return {
    userId: typeof payload['sub'] === 'string' ? payload['sub'] : null,
    employeeId: typeof payload['emp'] === 'string' ? payload['emp'] : null,
    agencyId: typeof payload['agc'] === 'string' ? payload['agc'] : null,
    grants: roles.map(parseGrant).filter((grant): grant is RoleGrant => grant !== undefined),
  };
}
