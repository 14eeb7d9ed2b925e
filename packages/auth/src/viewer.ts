import type { RoleGrant } from './roles';

/** Who is calling, as every subgraph sees it after verifying the bearer token. */
export interface Viewer {
  userId: string | null;
  employeeId: string | null;
  /** The agency the viewer works for, when the viewer is an employee. */
  agencyId: string | null;
  grants: readonly RoleGrant[];
  /**
   * Signed in with a password HR issued and not yet changed: the token is good for
   * `changePassword` only (claims.ts). Only a verifier asked to accept such tokens answers one.
   */
  passwordChangeOnly?: true;
}

export const ANONYMOUS: Viewer = Object.freeze({ userId: null, employeeId: null, agencyId: null, grants: [] });
