export type { Actor } from './actor';
export {
  ACCESS_TOKEN_ALGORITHM,
  type AccessTokenClaims,
  claimsFor,
  PASSWORD_CHANGE_FIELDS,
  PASSWORD_CHANGE_SCOPE,
  passwordChangeRequired,
  viewerFromClaims,
} from './claims';
export {
  type AgencyScope,
  agencyScope,
  assertAuthenticated,
  assertCanManageAgency,
  assertCanReadAgency,
  canManageAgency,
  canReadAgency,
  hasRole,
} from './policy';
export { GRANTABLE_ROLES, type GrantableRole, type RoleGrant } from './roles';
export { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions, type ViewerOptions } from './token-verifier';
export { ANONYMOUS, type Viewer } from './viewer';
