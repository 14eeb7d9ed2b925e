import { type Viewer } from '@kinerja/auth';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '@kinerja/errors';

import {
  type AuditScope,
  auditScope,
  type AuditTrailCursor,
  type AuditTrailFilter,
  type AuditTrailPage,
  type AuditTrailRepository,
} from '../domain/audit-trail';

export const AUDIT_TRAIL_MAX_PAGE = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeAuditCursor(cursor: AuditTrailCursor): string {
  return Buffer.from(JSON.stringify([cursor.occurredAt.toISOString(), cursor.service, cursor.auditId]), 'utf8').toString('base64url');
}

export function decodeAuditCursor(value: string, field = 'after'): AuditTrailCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((part) => typeof part === 'string')) {
      const [at, service, auditId] = parsed as [string, string, string];
      const occurredAt = new Date(at);
      if (!Number.isNaN(occurredAt.getTime()) && UUID.test(auditId)) return { occurredAt, service, auditId };
    }
  } catch {
    // fall through to the error below
  }
  throw new ValidationError({ field, message: 'is not a cursor returned by this API' });
}

/**
 * The audit trail of the province, newest first: the auditor of an agency reads that agency's
 * entries, the province admin (and a province-wide auditor) all of them. Asking for an agency
 * outside one's scope is refused rather than silently answered empty.
 */
export class ReadAuditTrail {
  constructor(private readonly trail: AuditTrailRepository) {}

  async execute(viewer: Viewer, filter: AuditTrailFilter, first: number, after: string | null): Promise<AuditTrailPage> {
    if (viewer.userId === null) throw new UnauthenticatedError();
    const scope: AuditScope = auditScope(viewer);
    if (scope.kind === 'none') throw new ForbiddenError('Only an auditor or the province admin reads the audit trail');
    if (!Number.isInteger(first) || first < 1 || first > AUDIT_TRAIL_MAX_PAGE) {
      throw new ValidationError({ field: 'first', message: `must be between 1 and ${AUDIT_TRAIL_MAX_PAGE}` });
    }
    if (filter.agencyId !== undefined && !UUID.test(filter.agencyId)) throw new ValidationError({ field: 'filter.agencyId', message: 'is not an id' });
    if (filter.from && filter.to && filter.from >= filter.to) throw new ValidationError({ field: 'filter.to', message: 'must be after filter.from' });
    if (scope.kind === 'agencies' && filter.agencyId !== undefined && !scope.agencyIds.includes(filter.agencyId)) {
      throw new ForbiddenError("You audit another agency's records only with a grant for it");
    }
    return this.trail.page(scope, filter, first, after === null ? null : decodeAuditCursor(after));
  }
}
