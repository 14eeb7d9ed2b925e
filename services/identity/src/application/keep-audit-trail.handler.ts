import type { EventEnvelope } from '@kinerja/events';

import { AUDITED_SERVICES, type AuditedService, type AuditTrailRepository } from '../domain/audit-trail';

type AuditRecorded = EventEnvelope<
  'identity.audit.recorded' | 'performance.audit.recorded' | 'feedback.audit.recorded' | 'development.audit.recorded' | 'recruitment.audit.recorded'
>;

function serviceOf(event: AuditRecorded): AuditedService {
  const service = AUDITED_SERVICES.find((name) => name === event.producer);
  if (!service) throw new Error(`audit event ${event.id} comes from an unknown producer ${event.producer}`);
  return service;
}

/**
 * Every service's audit rows arrive here (a trigger on each `audit_log` writes them to that
 * service's outbox) and are kept in the one trail the auditor reads. Idempotent by the producing
 * service and the audit row's id: a redelivery keeps nothing twice.
 */
export function keepAuditTrailEntry(deps: { trail: AuditTrailRepository }) {
  return async (event: AuditRecorded): Promise<void> => {
    const row = event.payload;
    await deps.trail.keep({ ...row, service: serviceOf(event), occurredAt: new Date(row.occurredAt) });
  };
}
