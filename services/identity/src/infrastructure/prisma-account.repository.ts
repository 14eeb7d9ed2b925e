import type { GrantableRole, RoleGrant } from '@kinerja/auth';
import { type AuditContext, auditRow } from '@kinerja/database';

import type { AccountWithAccess, UserAccount } from '../domain/account';
import type { ThrottleState } from '../domain/login-throttle.rule';
import type { AccountRepository, RefreshTokenRecord } from '../domain/repositories';
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
    await this.prisma.$transaction([
      this.prisma.roleGrant.create({ data: { id, userId, role: grant.role, scope: grant.agencyId ?? '', grantedBy: audit.actorUserId } }),
      this.prisma.auditLog.create({
        data: auditRow(audit, { action: 'role.granted', entityType: 'UserAccount', entityId: userId, agencyId: grant.agencyId, before: null, after: grant }),
      }),
    ]);
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

  async saveThrottleStates(states: Map<string, ThrottleState>): Promise<void> {
    await this.prisma.$transaction(
      [...states].map(([key, state]) => this.prisma.loginThrottle.upsert({ where: { key }, create: { key, ...state }, update: state })),
    );
  }

  async clearThrottle(keys: readonly string[]): Promise<void> {
    await this.prisma.loginThrottle.deleteMany({ where: { key: { in: [...keys] } } });
  }
}
