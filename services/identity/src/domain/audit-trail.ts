import { hasRole, type Viewer } from '@kinerja/auth';

/** The services whose audit rows make up the trail. */
export const AUDITED_SERVICES = ['identity', 'performance', 'feedback', 'development', 'recruitment'] as const;
export type AuditedService = (typeof AUDITED_SERVICES)[number];

/** One change recorded by a service: who (account), what (record and action), when, before and after. */
export interface AuditTrailEntry {
  service: AuditedService;
  auditId: string;
  occurredAt: Date;
  actorUserId: string | null;
  requestId: string | null;
  /** Null for province-wide records. */
  agencyId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Which agencies' entries a reader may see; province-wide records only with `all`. */
export type AuditScope = { kind: 'all' } | { kind: 'agencies'; agencyIds: readonly string[] } | { kind: 'none' };

/**
 * Reading the audit trail: the province admin and a province-wide auditor read everything; an
 * auditor of an agency reads that agency's entries only. Nobody else reads it (HR and the agency
 * head included: the trail also records their own changes).
 */
export function auditScope(viewer: Viewer): AuditScope {
  if (viewer.userId === null) return { kind: 'none' };
  if (hasRole(viewer, 'PROVINCE_ADMIN', null) || viewer.grants.some((g) => g.role === 'AUDITOR' && g.agencyId === null)) return { kind: 'all' };
  const agencyIds = [
    ...new Set(viewer.grants.filter((g) => (g.role === 'AUDITOR' || g.role === 'PROVINCE_ADMIN') && g.agencyId !== null).map((g) => g.agencyId as string)),
  ];
  return agencyIds.length > 0 ? { kind: 'agencies', agencyIds } : { kind: 'none' };
}

export interface AuditTrailFilter {
  agencyId?: string;
  service?: AuditedService;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  /** Inclusive lower bound of occurredAt. */
  from?: Date;
  /** Exclusive upper bound of occurredAt. */
  to?: Date;
}

/** Keyset position in the trail ordered newest first by (occurredAt, service, auditId). */
export interface AuditTrailCursor {
  occurredAt: Date;
  service: string;
  auditId: string;
}

export interface AuditTrailPage {
  entries: AuditTrailEntry[];
  hasNextPage: boolean;
}

export interface AuditTrailRepository {
  /** Keeps an entry; an entry already kept (same service and audit id) is left unchanged. */
  keep(entry: AuditTrailEntry): Promise<void>;
  /** Newest first, restricted to the scope's agencies (never `none`). */
  page(scope: Exclude<AuditScope, { kind: 'none' }>, filter: AuditTrailFilter, first: number, after: AuditTrailCursor | null): Promise<AuditTrailPage>;
}
