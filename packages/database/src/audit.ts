import { randomUUID } from 'node:crypto';

/**
 * The audit trail pattern every service reuses: an `audit_log` table in the service's own database
 * (same model in each Prisma schema), one row per state change, written by the repository in the
 * same transaction as the change itself.
 */
export interface AuditContext {
  actorUserId: string | null;
  requestId: string | null;
}

/** The audit context of a use case's actor (`Actor` of @kinerja/auth): the user, and the request. */
export function auditContextOf(actor: { viewer: { userId: string | null }; requestId: string }): AuditContext {
  return { actorUserId: actor.viewer.userId, requestId: actor.requestId };
}

/** A change an event caused has no user: the audit row names the event instead. */
export function auditContextOfEvent(eventId: string): AuditContext {
  return { actorUserId: null, requestId: `event:${eventId}` };
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

/**
 * One statement for many audit rows (`tx.$executeRawUnsafe(...auditRowsInsert(rows))`): the rows
 * travel as one JSON parameter, so the cost does not grow with a query builder's work per row.
 */
export function auditRowsInsert(rows: readonly { context: AuditContext; entry: AuditEntry }[]): [sql: string, rows: string] {
  const json = rows.map(({ context, entry }) => ({
    id: randomUUID(),
    actor_user_id: context.actorUserId,
    request_id: context.requestId,
    agency_id: entry.agencyId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  }));
  return [AUDIT_ROWS_INSERT, JSON.stringify(json)];
}

const AUDIT_ROWS_INSERT = `INSERT INTO audit_log (id, actor_user_id, request_id, agency_id, action, entity_type, entity_id, before, after)
  SELECT id, actor_user_id, request_id, agency_id, action, entity_type, entity_id, before, after
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, actor_user_id text, request_id text, agency_id uuid, action text, entity_type text, entity_id text, before jsonb, after jsonb)`;
