import type { GrantableRole, RoleGrant } from '@kinerja/auth';
import { type AuditContext, type AuditEntry, auditRow, isUniqueViolation } from '@kinerja/database';

import type { AccountWithAccess, ManagedAccount, UserAccount } from '../domain/account';
import { signInRefusal } from '../domain/account-admin.rule';
import { ACCOUNT_KEY, type Admission, admitAttempt, startsThrottling, type ThrottleCounter, type ThrottleState } from '../domain/login-throttle.rule';
import type { PasswordReset } from '../domain/password-reset';
import type { AccountRepository, LoginAudit, RefreshTokenRecord, StoredPasswordReset } from '../domain/repositories';
import type { IdentityPrisma } from './prisma-client';
import { isUuid } from './uuid';

const accountInclude = { grants: true, employee: { select: { agencyId: true, status: true } } } as const;

type AccountRow = Awaited<ReturnType<IdentityPrisma['userAccount']['findFirst']>> & object;

function toAccount(row: AccountRow): UserAccount {
  const { id, email, employeeId, displayName, passwordHash, passwordChangeRequired } = row;
  return { id, email, employeeId, displayName, passwordHash, passwordChangeRequired };
}

function toAccess(
  row: AccountRow & { grants: { role: string; scope: string }[]; employee: { agencyId: string; status: string } | null },
): AccountWithAccess | null {
  // Someone who has left the service, or whose account is disabled, keeps their record but can no longer sign in.
  if (signInRefusal({ disabledAt: row.disabledAt, departed: row.employee?.status === 'LEFT' }) !== null) return null;
  const account = toAccount(row);
  const grants: RoleGrant[] = row.grants.map((grant) => ({ role: grant.role as GrantableRole, agencyId: grant.scope === '' ? null : grant.scope }));
  return { account, grants, employeeAgencyId: row.employee?.agencyId ?? null };
}

export class PrismaAccountRepository implements AccountRepository {
  constructor(
    private readonly prisma: IdentityPrisma,
    private readonly newId: () => string,
  ) {}

  async byLoginIdentifier(identifier: string): Promise<AccountWithAccess | null> {
    const where = identifier.includes('@') ? { email: identifier } : { employee: { nip: identifier } };
    const row = await this.prisma.userAccount.findFirst({ where, include: accountInclude });
    return row ? toAccess(row) : null;
  }

  async byId(userId: string): Promise<AccountWithAccess | null> {
    if (!isUuid(userId)) return null;
    const row = await this.prisma.userAccount.findUnique({ where: { id: userId }, include: accountInclude });
    return row ? toAccess(row) : null;
  }

  async byEmployeeId(employeeId: string): Promise<UserAccount | null> {
    const row = await this.prisma.userAccount.findUnique({ where: { employeeId } });
    return row ? toAccount(row) : null;
  }

  async managedById(userId: string): Promise<ManagedAccount | null> {
    if (!isUuid(userId)) return null;
    const row = await this.prisma.userAccount.findUnique({ where: { id: userId }, include: accountInclude });
    if (!row) return null;
    return {
      account: toAccount(row),
      grants: row.grants.map((grant) => ({ role: grant.role as GrantableRole, agencyId: grant.scope === '' ? null : grant.scope })),
      agencyId: row.employee?.agencyId ?? null,
      disabledAt: row.disabledAt,
      departed: row.employee?.status === 'LEFT',
    };
  }

  async revokeRole(userId: string, grant: RoleGrant, audit: AuditContext, agencyId: string | null): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.roleGrant.deleteMany({ where: { userId, role: grant.role, scope: grant.agencyId ?? '' } });
      if (count === 0) return false;
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: 'role.revoked',
          entityType: 'UserAccount',
          entityId: userId,
          agencyId: grant.agencyId ?? agencyId,
          before: grant,
          after: null,
        }),
      });
      return true;
    });
  }

  async setDisabled(userId: string, disabledAt: Date | null, at: Date, audit: AuditContext, agencyId: string | null): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.userAccount.update({ where: { id: userId }, data: { disabledAt } }),
      ...(disabledAt ? [this.prisma.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } })] : []),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: disabledAt ? 'account.disabled' : 'account.enabled',
          entityType: 'UserAccount',
          entityId: userId,
          agencyId,
          before: { disabled: disabledAt === null },
          after: { disabled: disabledAt !== null },
        }),
      }),
    ]);
  }

  async changePassword(userId: string, passwordHash: string, at: Date, audit: AuditContext, agencyId: string | null): Promise<void> {
    await this.prisma.$transaction([
      // The holder chose it: an HR-issued password's forced change is done.
      this.prisma.userAccount.update({ where: { id: userId }, data: { passwordHash, passwordChangeRequired: false } }),
      this.prisma.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } }),
      // Never the hashes: the audit row says that and when, not what.
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: 'account.password-changed',
          entityType: 'UserAccount',
          entityId: userId,
          agencyId,
          before: null,
          after: { changedAt: at },
        }),
      }),
    ]);
  }

  async grantRole(userId: string, grant: RoleGrant, audit: AuditContext): Promise<void> {
    const id = this.newId();
    try {
      await this.prisma.$transaction([
        this.prisma.roleGrant.create({ data: { id, userId, role: grant.role, scope: grant.agencyId ?? '', grantedBy: audit.actorUserId } }),
        this.prisma.auditLog.create({
          data: auditRow(audit, { action: 'role.granted', entityType: 'UserAccount', entityId: userId, agencyId: grant.agencyId, before: null, after: grant }),
        }),
      ]);
    } catch (error) {
      // A concurrent request granted the same role first: the account has it, as asked, and that
      // request wrote the audit row (the same answer as granting a role the account already has).
      if (!isUniqueViolation(error)) throw error;
    }
  }

  async saveRefreshToken(record: RefreshTokenRecord, tokenHash: string): Promise<void> {
    await this.prisma.refreshToken.create({ data: { ...record, tokenHash } });
  }

  async refreshTokenByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const row = await this.prisma.refreshToken.findUnique({ where: { tokenHash } });
    return row ? { id: row.id, userId: row.userId, familyId: row.familyId, expiresAt: row.expiresAt, usedAt: row.usedAt, revokedAt: row.revokedAt } : null;
  }

  async markRefreshTokenUsed(id: string, at: Date): Promise<boolean> {
    // Conditional update: of two concurrent refreshes with one token, only one wins.
    const { count } = await this.prisma.refreshToken.updateMany({ where: { id, usedAt: null, revokedAt: null }, data: { usedAt: at } });
    return count === 1;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: at } });
  }

  async reserveLoginAttempt(counters: readonly ThrottleCounter[], now: Date, audit: LoginAudit): Promise<Admission> {
    // In key order, so that two attempts locking the same two rows never wait on each other.
    const ordered = [...counters].sort((a, b) => (a.key < b.key ? -1 : 1));
    return this.prisma.$transaction(
      async (tx) => {
        const states = new Map<string, ThrottleState>();
        for (const { key } of ordered) {
          // Creates the counter or, with the no-op update, locks the existing row until the commit.
          const [row] = await tx.$queryRaw<ThrottleState[]>`
            INSERT INTO login_throttle AS t (key, failures, window_start, blocked_until)
            VALUES (${key}, 0, ${now}::timestamptz, NULL)
            ON CONFLICT (key) DO UPDATE SET key = t.key
            RETURNING failures, window_start AS "windowStart", blocked_until AS "blockedUntil"`;
          if (row) states.set(key, row);
        }
        const admission = admitAttempt(ordered, states, now);
        if (!admission.admitted) return admission;
        for (const { key, policy } of ordered) {
          const next = admission.next.get(key);
          if (!next) continue;
          await tx.$executeRaw`
            UPDATE login_throttle SET failures = ${next.failures}, window_start = ${next.windowStart}::timestamptz, blocked_until = ${next.blockedUntil}::timestamptz
            WHERE key = ${key}`;
          if (startsThrottling(policy, next)) {
            await tx.auditLog.create({
              data: auditRow(audit.context, {
                action: 'login.throttled',
                entityType: 'LoginThrottle',
                entityId: key,
                agencyId: key.startsWith(ACCOUNT_KEY) ? audit.agencyId : null,
                before: null,
                after: { attempts: next.failures, blockedUntil: next.blockedUntil },
              }),
            });
          }
        }
        return admission;
      },
      // Parallel attempts on one account queue on its row; each holds it for a few statements only.
      { maxWait: 10_000, timeout: 10_000 },
    );
  }

  async loginSucceeded(accountKey: string, address: ThrottleCounter, audit: AuditContext, entry: AuditEntry): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.loginThrottle.deleteMany({ where: { key: accountKey } }),
      // The address's reservation is given back: an office's correct logins never slow it down.
      this.prisma.$executeRaw`
        UPDATE login_throttle
        SET failures = GREATEST(failures - 1, 0),
            blocked_until = CASE WHEN failures - 1 < ${address.policy.freeFailures} THEN NULL ELSE blocked_until END
        WHERE key = ${address.key}`,
      this.prisma.auditLog.create({ data: auditRow(audit, entry) }),
    ]);
  }

  async audit(audit: AuditContext, entry: AuditEntry): Promise<void> {
    await this.prisma.auditLog.create({ data: auditRow(audit, entry) });
  }

  async issuePasswordReset(reset: PasswordReset, tokenHash: string, at: Date, audit: AuditContext, agencyId: string | null): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null, voidedAt: null }, data: { voidedAt: at } }),
      this.prisma.passwordReset.create({ data: { ...reset, tokenHash } }),
      // Never the token or its hash: the row says who issued a reset for whom, and until when.
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: 'account.password-reset-issued',
          entityType: 'UserAccount',
          entityId: reset.userId,
          agencyId,
          before: null,
          after: { resetId: reset.id, expiresAt: reset.expiresAt },
        }),
      }),
    ]);
  }

  async passwordResetByHash(tokenHash: string): Promise<StoredPasswordReset | null> {
    const row = await this.prisma.passwordReset.findUnique({
      where: { tokenHash },
      include: { user: { select: { employee: { select: { agencyId: true } } } } },
    });
    if (!row) return null;
    const { id, userId, expiresAt, issuedBy, usedAt, voidedAt } = row;
    return { id, userId, expiresAt, issuedBy: issuedBy ?? '', usedAt, voidedAt, agencyId: row.user.employee?.agencyId ?? null };
  }

  async completePasswordReset(reset: StoredPasswordReset, passwordHash: string, at: Date, audit: AuditContext): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      // Spent only if still unspent, unvoided and unexpired: of two concurrent uses one wins.
      const { count } = await tx.passwordReset.updateMany({
        where: { id: reset.id, usedAt: null, voidedAt: null, expiresAt: { gt: at } },
        data: { usedAt: at },
      });
      if (count !== 1) return false;
      await tx.userAccount.update({ where: { id: reset.userId }, data: { passwordHash, passwordChangeRequired: false } });
      await tx.refreshToken.updateMany({ where: { userId: reset.userId, revokedAt: null }, data: { revokedAt: at } });
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: 'account.password-reset',
          entityType: 'UserAccount',
          entityId: reset.userId,
          agencyId: reset.agencyId,
          before: null,
          after: { resetId: reset.id, changedAt: at },
        }),
      });
      return true;
    });
  }

  async provinceAdminExists(): Promise<boolean> {
    return (await this.prisma.roleGrant.count({ where: { role: 'PROVINCE_ADMIN', scope: '' } })) > 0;
  }

  async createProvinceAdmin(
    account: { id: string; email: string; displayName: string; passwordHash: string },
    grantId: string,
    audit: AuditContext,
  ): Promise<boolean> {
    try {
      await this.prisma.$transaction([
        this.prisma.userAccount.create({ data: { ...account, employeeId: null } }),
        this.prisma.roleGrant.create({ data: { id: grantId, userId: account.id, role: 'PROVINCE_ADMIN', scope: '' } }),
        this.prisma.auditLog.create({
          data: auditRow(audit, {
            action: 'account.province-admin-created',
            entityType: 'UserAccount',
            entityId: account.id,
            agencyId: null,
            before: null,
            after: { id: account.id, email: account.email, displayName: account.displayName, roles: ['PROVINCE_ADMIN'] },
          }),
        }),
      ]);
      return true;
    } catch (error) {
      if (isUniqueViolation(error, 'email')) return false;
      throw error;
    }
  }
}
