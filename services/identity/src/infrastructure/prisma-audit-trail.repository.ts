import type {
  AuditedService,
  AuditScope,
  AuditTrailCursor,
  AuditTrailEntry,
  AuditTrailFilter,
  AuditTrailPage,
  AuditTrailRepository,
} from '../domain/audit-trail';
import type { Prisma } from '../generated/prisma/client';
import type { IdentityPrisma } from './prisma-client';

type Row = Prisma.AuditTrailEntryGetPayload<object>;

const toEntry = (row: Row): AuditTrailEntry => ({
  service: row.service as AuditedService,
  auditId: row.auditId,
  occurredAt: row.occurredAt,
  actorUserId: row.actorUserId,
  requestId: row.requestId,
  agencyId: row.agencyId,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  before: row.before,
  after: row.after,
});

const json = (value: unknown) => (value === null || value === undefined ? undefined : (value as Prisma.InputJsonValue));

/** Keyset: strictly older than the cursor in the order (occurredAt desc, service desc, auditId desc). */
function olderThan(cursor: AuditTrailCursor): Prisma.AuditTrailEntryWhereInput {
  return {
    OR: [
      { occurredAt: { lt: cursor.occurredAt } },
      { occurredAt: cursor.occurredAt, service: { lt: cursor.service } },
      { occurredAt: cursor.occurredAt, service: cursor.service, auditId: { lt: cursor.auditId } },
    ],
  };
}

export class PrismaAuditTrailRepository implements AuditTrailRepository {
  constructor(private readonly prisma: IdentityPrisma) {}

  async keep(entry: AuditTrailEntry): Promise<void> {
    await this.prisma.auditTrailEntry.createMany({
      data: [{ ...entry, before: json(entry.before), after: json(entry.after) }],
      skipDuplicates: true,
    });
  }

  async page(scope: Exclude<AuditScope, { kind: 'none' }>, filter: AuditTrailFilter, first: number, after: AuditTrailCursor | null): Promise<AuditTrailPage> {
    const and: Prisma.AuditTrailEntryWhereInput[] = [];
    if (scope.kind === 'agencies') and.push({ agencyId: { in: [...scope.agencyIds] } });
    if (filter.agencyId !== undefined) and.push({ agencyId: filter.agencyId });
    if (filter.service !== undefined) and.push({ service: filter.service });
    if (filter.entityType !== undefined) and.push({ entityType: filter.entityType });
    if (filter.entityId !== undefined) and.push({ entityId: filter.entityId });
    if (filter.actorUserId !== undefined) and.push({ actorUserId: filter.actorUserId });
    if (filter.from !== undefined) and.push({ occurredAt: { gte: filter.from } });
    if (filter.to !== undefined) and.push({ occurredAt: { lt: filter.to } });
    if (after !== null) and.push(olderThan(after));
    const rows = await this.prisma.auditTrailEntry.findMany({
      where: { AND: and },
      orderBy: [{ occurredAt: 'desc' }, { service: 'desc' }, { auditId: 'desc' }],
      take: first + 1,
    });
    return { entries: rows.slice(0, first).map(toEntry), hasNextPage: rows.length > first };
  }
}
