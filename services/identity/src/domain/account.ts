import type { RoleGrant } from '@kinerja/auth';

/** A login: an employee's (by NIP or e-mail) or a non-employee's such as an applicant or auditor. */
export interface UserAccount {
  id: string;
  email: string | null;
  employeeId: string | null;
  displayName: string;
  passwordHash: string;
  /**
   * The password was issued by HR (registerEmployee's initialPassword): until the holder changes
   * it, sign-ins hand out only a password-change token. Passwords the holder chose (changePassword,
   * a reset link) and the embedded mode's demo accounts never set it.
   */
  passwordChangeRequired: boolean;
}

export interface AccountWithAccess {
  account: UserAccount;
  grants: RoleGrant[];
  /** The agency of the linked employee, if any. */
  employeeAgencyId: string | null;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/** An account as its administrators see it, whether or not it may sign in now. */
export interface ManagedAccount {
  account: UserAccount;
  grants: RoleGrant[];
  /** The agency of the linked employee; null for a province account (auditor, applicant, province admin). */
  agencyId: string | null;
  disabledAt: Date | null;
  /** The linked employee has left the service. */
  departed: boolean;
}
