/**
 * The audit trail pattern every service reuses: an `audit_log` table in the service's own database
 * (same model in each Prisma schema), one row per state change, written by the repository in the
 * same transaction as the change itself.
 */
export interface AuditContext {
  actorUserId: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  agencyId: string | null;
  before: unknown;
  after: unknown;
}

function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value));
}

/** The row to insert into `audit_log` (Prisma `auditLog.create({ data })`). */
export function auditRow(context: AuditContext, entry: AuditEntry) {
  return {
    actorUserId: context.actorUserId,
    requestId: context.requestId,
    agencyId: entry.agencyId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: toJson(entry.before) as object | undefined,
    after: toJson(entry.after) as object | undefined,
  };
}
