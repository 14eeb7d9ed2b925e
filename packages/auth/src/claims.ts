import { ForbiddenError } from '@kinerja/errors';

import { GRANTABLE_ROLES, type GrantableRole, type RoleGrant } from './roles';
import type { Viewer } from './viewer';

export const ACCESS_TOKEN_ALGORITHM = 'ES256';

/**
 * The `scope` of a token issued to the holder of a password HR issued: it is good for changing
 * that password and nothing else (`PASSWORD_CHANGE_FIELDS`); every other operation of every
 * subgraph refuses it with FORBIDDEN / PASSWORD_CHANGE_REQUIRED.
 */
export const PASSWORD_CHANGE_SCOPE = 'password_change';

/** The only root fields a password-change token may call. */
export const PASSWORD_CHANGE_FIELDS: ReadonlySet<string> = new Set(['changePassword']);

/** The stable refusal of a password-change token anywhere but `changePassword`. */
export function passwordChangeRequired(): ForbiddenError {
  return new ForbiddenError('Change the password HR issued first (changePassword); this token is good for nothing else', {
    reason: 'PASSWORD_CHANGE_REQUIRED',
  });
}

/** Private claims of an access token; `sub` is the user id. Roles read `ROLE@agencyId` or `ROLE@*`. */
export interface AccessTokenClaims {
  emp?: string;
  agc?: string;
  roles: string[];
  scope?: typeof PASSWORD_CHANGE_SCOPE;
}

export function claimsFor(viewer: Viewer): AccessTokenClaims {
  return {
    ...(viewer.employeeId ? { emp: viewer.employeeId } : {}),
    ...(viewer.agencyId ? { agc: viewer.agencyId } : {}),
    roles: viewer.grants.map((grant) => `${grant.role}@${grant.agencyId ?? '*'}`),
    ...(viewer.passwordChangeOnly ? { scope: PASSWORD_CHANGE_SCOPE } : {}),
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
    ...(payload['scope'] === PASSWORD_CHANGE_SCOPE ? { passwordChangeOnly: true } : {}),
  };
}
