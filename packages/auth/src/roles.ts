/**
 * Roles an account is granted (DOMAIN.md "People and access"). Employee and supervisor are not
 * granted: they follow from the account's employee record and the reporting line.
 */
export const GRANTABLE_ROLES = ['PROVINCE_ADMIN', 'HR_ADMIN', 'AGENCY_HEAD', 'SELECTION_COMMITTEE', 'AUDITOR', 'APPLICANT'] as const;

export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export interface RoleGrant {
  role: GrantableRole;
  /** The agency the grant is limited to; null means province-wide. */
  agencyId: string | null;
}
