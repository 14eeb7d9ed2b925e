import type { RoleGrant } from '@kinerja/auth';
import type { AuditContext, AuditEntry } from '@kinerja/database';

import type { AccountWithAccess, ManagedAccount, UserAccount } from './account';
import type { Employee } from './employee';
import type { AgencyState, ImportRow } from './employee-import.rule';
import type { EmployeeImportJob, ImportJobPatch, ImportWrites } from './employee-import-job';
import type { PendingEvent } from './events';
import type { Admission, ThrottleCounter } from './login-throttle.rule';
import type { Agency, OrgUnit, Position } from './organisation';
import type { PasswordReset } from './password-reset';

export interface OrganisationRepository {
  listAgencies(agencyIds: readonly string[] | 'all'): Promise<Agency[]>;
  agenciesByIds(ids: readonly string[]): Promise<Agency[]>;
  orgUnitsByIds(ids: readonly string[]): Promise<OrgUnit[]>;
  orgUnitsByAgencies(agencyIds: readonly string[]): Promise<OrgUnit[]>;
  childUnitsOf(parentIds: readonly string[]): Promise<OrgUnit[]>;
  positionsByIds(ids: readonly string[]): Promise<Position[]>;
  positionsByUnits(unitIds: readonly string[]): Promise<Position[]>;
  /** The given position and every position above it, nearest first. */
  chainAbove(positionId: string): Promise<string[]>;
  createAgency(agency: Agency, audit: AuditContext): Promise<void>;
  createOrgUnit(unit: OrgUnit, audit: AuditContext): Promise<void>;
  createPosition(position: Position, audit: AuditContext): Promise<void>;
  setSupervisorPosition(position: Position, supervisorPositionId: string | null, audit: AuditContext): Promise<Position>;
}

export interface EmployeeFilterQuery {
  agencyIds: readonly string[] | 'all';
  orgUnitId?: string | undefined;
  search?: string | undefined;
}

export interface EmployeeSearch extends EmployeeFilterQuery {
  first: number;
  after?: { name: string; id: string } | undefined;
}

export interface EmployeePage {
  employees: Employee[];
  hasNextPage: boolean;
}

export interface EmployeeRepository {
  byIds(ids: readonly string[]): Promise<Employee[]>;
  byNip(nip: string): Promise<Employee | null>;
  holdersOfPositions(positionIds: readonly string[]): Promise<Employee[]>;
  /** Active holders of the positions that report to the given positions. */
  reportsOfPositions(positionIds: readonly string[]): Promise<Array<{ supervisorPositionId: string; employee: Employee }>>;
  search(query: EmployeeSearch): Promise<EmployeePage>;
  /** How many employees match the filter: a scan of them all, so asked only when a client wants the number. */
  count(query: EmployeeFilterQuery): Promise<number>;
  /** Registers the employee and, when given, their login, with the audit row and events, in one transaction. */
  register(employee: Employee, account: UserAccount | null, audit: AuditContext, events: readonly PendingEvent[]): Promise<void>;
  update(before: Employee, after: Employee, action: string, audit: AuditContext, events: readonly PendingEvent[]): Promise<void>;
  /** The employee hired from this recruitment application, if it was applied before. */
  hiredFromApplication(applicationId: string): Promise<Employee | null>;
  /** Records the event as handled by the consumer with no other effect (a duplicate hire). */
  markEventHandled(eventId: string, consumer: string): Promise<void>;
  /**
   * Registers an employee hired from a selection, once per event and once per application:
   * 'duplicate' when either was handled before (nothing is written then).
   */
  registerHired(
    employee: Employee,
    hire: { applicationId: string; eventId: string; consumer: string },
    events: readonly PendingEvent[],
  ): Promise<'created' | 'duplicate'>;
  /** One page of all employees ordered by id, for the backfill of other services' copies. */
  pageById(afterId: string | null, size: number): Promise<Employee[]>;
  /** Writes events to the outbox without another change (the backfill). */
  publish(events: readonly PendingEvent[]): Promise<void>;
}

export interface RefreshTokenRecord {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export interface StoredPasswordReset extends PasswordReset {
  usedAt: Date | null;
  voidedAt: Date | null;
  /** The agency of the account's employee, for the audit row. */
  agencyId: string | null;
}

/** Who a login attempt concerns, for the audit rows the throttle writes. */
export interface LoginAudit {
  context: AuditContext;
  agencyId: string | null;
}

export interface AccountRepository {
  byLoginIdentifier(identifier: string): Promise<AccountWithAccess | null>;
  byId(userId: string): Promise<AccountWithAccess | null>;
  byEmployeeId(employeeId: string): Promise<UserAccount | null>;
  /** The account whether or not it may sign in (disabled, departed), for its administrators. */
  managedById(userId: string): Promise<ManagedAccount | null>;
  /** Removes the grant with its audit row; false when the account did not have it. */
  revokeRole(userId: string, grant: RoleGrant, audit: AuditContext, agencyId: string | null): Promise<boolean>;
  /** Disables (a date) or enables (null) the account with its audit row; disabling revokes every refresh token. */
  setDisabled(userId: string, disabledAt: Date | null, at: Date, audit: AuditContext, agencyId: string | null): Promise<void>;
  /** Stores the new password hash, revokes every refresh token of the account and audits the change. */
  changePassword(userId: string, passwordHash: string, at: Date, audit: AuditContext, agencyId: string | null): Promise<void>;
  /** Grants the role with its audit row; a concurrent request having granted it first is no error. */
  grantRole(userId: string, grant: RoleGrant, audit: AuditContext): Promise<void>;
  saveRefreshToken(record: RefreshTokenRecord, tokenHash: string): Promise<void>;
  refreshTokenByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  /** Marks the token used; false when another request used it first (a replay). */
  markRefreshTokenUsed(id: string, at: Date): Promise<boolean>;
  revokeFamily(familyId: string, at: Date): Promise<void>;
  /**
   * Reserves one login attempt on every counter at once, before any password is checked: the
   * counters' rows are locked while `admitAttempt` decides, so parallel attempts are admitted one
   * after another and no more than the free ones get through. Audits each counter it starts throttling.
   */
  reserveLoginAttempt(counters: readonly ThrottleCounter[], now: Date, audit: LoginAudit): Promise<Admission>;
  /** A correct password: the account's counter is cleared, the address's reservation given back, and the login audited. */
  loginSucceeded(accountKey: string, address: ThrottleCounter, audit: AuditContext, entry: AuditEntry): Promise<void>;
  /** Writes one audit row on its own (a failed login, a logout). */
  audit(audit: AuditContext, entry: AuditEntry): Promise<void>;
  /** Stores a new reset (its token's hash only), voids the account's earlier unspent ones, and audits the issue (never the token). */
  issuePasswordReset(reset: PasswordReset, tokenHash: string, at: Date, audit: AuditContext, agencyId: string | null): Promise<void>;
  passwordResetByHash(tokenHash: string): Promise<StoredPasswordReset | null>;
  /**
   * Spends the reset and sets the password the holder chose, in one transaction: the forced change
   * is cleared, every refresh token revoked, the reset audited. False when another request spent
   * or voided it first (nothing is written then).
   */
  completePasswordReset(reset: StoredPasswordReset, passwordHash: string, at: Date, audit: AuditContext): Promise<boolean>;
  /** Whether any account holds the province-wide PROVINCE_ADMIN role. */
  provinceAdminExists(): Promise<boolean>;
  /** Creates a province account holding PROVINCE_ADMIN, audited; false when the e-mail is taken. */
  createProvinceAdmin(
    account: { id: string; email: string; displayName: string; passwordHash: string },
    grantId: string,
    audit: AuditContext,
  ): Promise<boolean>;
}

export interface EmployeeImportRepository {
  /** Stores a new job with the rows read from its file. */
  create(job: EmployeeImportJob, rows: readonly ImportRow[]): Promise<void>;
  byId(id: string): Promise<EmployeeImportJob | null>;
  rowsOf(id: string): Promise<ImportRow[]>;
  /** Applies the patch; with `expected`, only while the job is in that status (false when it was not). */
  update(id: string, patch: ImportJobPatch, expected?: EmployeeImportJob['status']): Promise<boolean>;
  /** What an import of these NIPs into the agency meets: its units, positions and employees, and the NIPs registered elsewhere. */
  agencyState(agencyId: string, nips: readonly string[]): Promise<AgencyState>;
  /**
   * In one transaction holding the agency's import lock: reads the agency's state, lets `decide`
   * check and plan against it, and writes what it returns (employees, positions, audit rows,
   * outbox events and the job) with set-based statements; `decide` returning only a job patch writes just that.
   */
  commit(
    jobId: string,
    agencyId: string,
    nips: readonly string[],
    audit: AuditContext,
    decide: (state: AgencyState) => ImportWrites | { job: ImportJobPatch },
    onProgress?: (writtenRows: number) => void,
  ): Promise<void>;
}
