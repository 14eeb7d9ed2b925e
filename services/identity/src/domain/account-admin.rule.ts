import { hasRole, type RoleGrant, type Viewer } from '@kinerja/auth';

/**
 * What an administrator may do with an account. The account belongs to its employee's agency
 * (accounts without an employee, such as auditors and applicants, belong to the province).
 * - ALLOWED: the province admin, or the HR admin of the account's agency;
 * - NOT_FOUND: an HR admin of another agency (another agency's account answers like an unknown one);
 * - FORBIDDEN: someone who administers no agency at all.
 */
export type AccountAdminVerdict = 'ALLOWED' | 'NOT_FOUND' | 'FORBIDDEN';

function administersAnything(viewer: Viewer): boolean {
  return viewer.grants.some((g) => g.role === 'PROVINCE_ADMIN' || g.role === 'HR_ADMIN');
}

export function accountAdminVerdict(viewer: Viewer, accountAgencyId: string | null): AccountAdminVerdict {
  if (viewer.userId === null || !administersAnything(viewer)) return 'FORBIDDEN';
  if (hasRole(viewer, 'PROVINCE_ADMIN', null)) return 'ALLOWED';
  return accountAgencyId !== null && hasRole(viewer, 'HR_ADMIN', accountAgencyId) ? 'ALLOWED' : 'NOT_FOUND';
}

/**
 * Granting or revoking an agency's role on an account: the province admin on any account; the HR
 * admin of the agency only on accounts of that same agency (never another agency's account, never
 * a province account). Province-wide roles: the province admin only.
 */
export function roleChangeVerdict(viewer: Viewer, grantAgencyId: string | null, accountAgencyId: string | null): AccountAdminVerdict {
  if (viewer.userId === null || !administersAnything(viewer)) return 'FORBIDDEN';
  if (hasRole(viewer, 'PROVINCE_ADMIN', null)) return 'ALLOWED';
  if (accountAgencyId === null || !hasRole(viewer, 'HR_ADMIN', accountAgencyId)) return 'NOT_FOUND';
  return grantAgencyId !== null && grantAgencyId === accountAgencyId ? 'ALLOWED' : 'FORBIDDEN';
}

/** The grants of an account an administrator sees: all for the province admin, their own agencies' for an HR admin. */
export function visibleGrants(viewer: Viewer, grants: readonly RoleGrant[]): RoleGrant[] {
  if (hasRole(viewer, 'PROVINCE_ADMIN', null)) return [...grants];
  return grants.filter((g) => g.agencyId !== null && hasRole(viewer, 'HR_ADMIN', g.agencyId));
}

/** Signing in (login, refresh) is refused to a disabled account and to a departed employee. */
export function signInRefusal(account: { disabledAt: Date | null; departed: boolean }): 'DISABLED' | 'DEPARTED' | null {
  if (account.disabledAt !== null) return 'DISABLED';
  return account.departed ? 'DEPARTED' : null;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** A new password: 10-200 characters, not only spaces, different from the old one. Null when acceptable, else why not. */
export function newPasswordProblem(oldPassword: string, newPassword: string): string | null {
  if (newPassword.length < PASSWORD_MIN_LENGTH || newPassword.length > PASSWORD_MAX_LENGTH) {
    return `must be ${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters`;
  }
  if (newPassword.trim().length === 0) return 'must not be blank';
  if (newPassword === oldPassword) return 'must differ from the current password';
  return null;
}
