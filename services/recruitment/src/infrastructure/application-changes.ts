import { type AuditContext, auditRow, isUniqueViolation } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { Application } from '../domain/application';
import type { Announcement } from '../domain/stage';
import { applicationData } from './mappers';
import type { RecruitmentTransaction } from './prisma-client';

export type Change = { before: Application; after: Application };

const changedMeanwhile = (application: Application) =>
  new ConflictError(`Application ${application.registrationNumber} changed meanwhile; read it again`, { field: 'input.applicationId' });

/** Writes each change only over the row as it was read (same `updatedAt`), with its audit row. */
export async function saveChanges(tx: RecruitmentTransaction, changes: readonly Change[], action: string, audit: AuditContext): Promise<void> {
  for (const { before, after } of changes) {
    const { id: _id, ...data } = applicationData(after);
    const { count } = await tx.application.updateMany({ where: { id: before.id, updatedAt: before.updatedAt }, data });
    if (count === 0) throw changedMeanwhile(before);
  }
  if (changes.length === 0) return;
  await tx.auditLog.createMany({
    data: changes.map(({ before, after }) =>
      auditRow(audit, { agencyId: after.agencyId, action, entityType: 'Application', entityId: after.id, before, after }),
    ),
  });
}

/** The audit row of an announcement of results. */
export const announcedAudit = (announcement: Announcement, audit: AuditContext) =>
  auditRow(audit, {
    agencyId: announcement.agencyId,
    action: 'results.announced',
    entityType: 'Announcement',
    entityId: announcement.id,
    before: null,
    after: announcement,
  });

/** A second announcement of a stage (the unique announcement per selection and stage) is a CONFLICT. */
export function announcedAlready(error: unknown, announcement: Announcement): unknown {
  return isUniqueViolation(error) ? new ConflictError(`The ${announcement.stage} results are announced already`, { field: 'input.stage' }) : error;
}
