import { type AuditContext, auditRow, isUniqueViolation } from '@kinerja/database';
import type { ConflictError } from '@kinerja/errors';

import type { Prisma } from '../generated/prisma/client';
import type { RecruitmentPrisma } from './prisma-client';

/** What the audit row of a new record says (before: nothing). */
export interface Created {
  agencyId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  after: unknown;
}

/**
 * A new record and its audit row, in one transaction. With `duplicate`, a unique violation is the
 * CONFLICT it answers for that violation (the record exists already); without, it stays the database's error.
 */
export async function createAudited(
  prisma: RecruitmentPrisma,
  create: Prisma.PrismaPromise<unknown>,
  created: Created,
  audit: AuditContext,
  duplicate?: (violation: unknown) => ConflictError,
): Promise<void> {
  try {
    await prisma.$transaction([create, prisma.auditLog.create({ data: auditRow(audit, { ...created, before: null }) })]);
  } catch (error) {
    if (duplicate && isUniqueViolation(error)) throw duplicate(error);
    throw error;
  }
}
