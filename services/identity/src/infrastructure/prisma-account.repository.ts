import type { GrantableRole, RoleGrant } from '@kinerja/auth';
import { type AuditContext, auditRow, isUniqueViolation } from '@kinerja/database';

import type { AccountWithAccess, UserAccount } from '../domain/account';
import type { ThrottleState } from '../domain/login-throttle.rule';
import type { AccountRepository, FailureCount, RefreshTokenRecord } from '../domain/repositories';
import type { IdentityPrisma } from './prisma-client';
import { isUuid } from './uuid';

const accountInclude = { grants: true, employee: { select: { agencyId: true, status: true } } } as const;

type AccountRow = Awaited<ReturnType<IdentityPrisma['userAccount']['findFirst']>> & object;

function toAccess(
  row: AccountRow & { grants: { role: string; scope: string }[]; employee: { agencyId: string; status: string } | null },
): AccountWithAccess | null {
  // Someone who has left the service keeps their record but can no longer sign in.
  if (row.employee?.status === 'LEFT') return null;
  const account: UserAccount = { id: row.id, email: row.email, employeeId: row.employeeId, displayName: row.displayName, passwordHash: row.passwordHash };
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
    return row ? { id: row.id, email: row.email, employeeId: row.employeeId, displayName: row.displayName, passwordHash: row.passwordHash } : null;
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

  async throttleStates(keys: readonly string[]): Promise<Map<string, ThrottleState>> {
    const rows = await this.prisma.loginThrottle.findMany({ where: { key: { in: [...keys] } } });
    return new Map(rows.map((row) => [row.key, { failures: row.failures, windowStart: row.windowStart, blockedUntil: row.blockedUntil }]));
  }

  async countFailures(failures: readonly FailureCount[], now: Date): Promise<Map<string, ThrottleState>> {
    // Read-modify-write in one statement: concurrent wrong guesses each add one.
    const counted = await Promise.all(
      failures.map(async ({ key, windowCutoff }) => {
        const [row] = await this.prisma.$queryRaw<ThrottleState[]>`
          INSERT INTO login_throttle AS t (key, failures, window_start, blocked_until)
          VALUES (${key}, 1, ${now}::timestamptz, NULL)
          ON CONFLICT (key) DO UPDATE SET
            failures = CASE WHEN t.window_start < ${windowCutoff}::timestamptz THEN 1 ELSE t.failures + 1 END,
            window_start = CASE WHEN t.window_start < ${windowCutoff}::timestamptz THEN EXCLUDED.window_start ELSE t.window_start END,
            blocked_until = CASE WHEN t.window_start < ${windowCutoff}::timestamptz THEN NULL ELSE t.blocked_until END
          RETURNING failures, window_start AS "windowStart", blocked_until AS "blockedUntil"`;
        return [key, row as ThrottleState] as const;
      }),
    );
    return new Map(counted);
  }

  async blockUntil(blocks: ReadonlyMap<string, Date>): Promise<void> {
    await Promise.all(
      [...blocks].map(
        ([key, until]) =>
          // GREATEST skips NULL: the block only ever grows within a window.
          this.prisma.$executeRaw`UPDATE login_throttle SET blocked_until = GREATEST(blocked_until, ${until}::timestamptz) WHERE key = ${key}`,
      ),
    );
  }

  async clearThrottle(keys: readonly string[]): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: { in: [...keys] } } });
  }
}
