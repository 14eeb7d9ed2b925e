import { type AuditContext, auditRow } from '@kinerja/database';

import type { EvidenceDocument } from '../domain/evidence-document';
import type { EvidenceStore } from '../domain/repositories';
import { toEvidenceDocument } from './mappers';
import type { PerformancePrisma } from './prisma-client';
import { isUuid, onlyUuids } from './uuid';

/**
 * Evidence documents with their bytes in performance's own database (`evidence_document.content`,
 * bytea), not in an object store:
 * - one backup (and one restore) holds the realizations and their documents, never one without the other;
 * - a document is written in one transaction with its audit row and refers to its realization by a
 *   foreign key, so no file exists without its record or the other way round;
 * - the embedded mode (`npm start` on PGlite) has no object store to run, and the documents are
 *   small (EVIDENCE_MAX_BYTES, 5 MiB by default).
 * The EvidenceStore port keeps the use cases unaware of this: an adapter keeping the bytes in
 * S3-like storage (and this table for the description) can replace this one when volumes grow.
 */
export class PrismaEvidenceStore implements EvidenceStore {
  constructor(private readonly prisma: PerformancePrisma) {}

  async byIds(ids: readonly string[]): Promise<EvidenceDocument[]> {
    if (ids.length === 0) return [];
    const rows = await this.prisma.evidenceDocument.findMany({ where: { id: { in: onlyUuids(ids) } }, omit: { content: true } });
    return rows.map(toEvidenceDocument);
  }

  async ofRealizations(realizationIds: readonly string[]): Promise<EvidenceDocument[]> {
    if (realizationIds.length === 0) return [];
    const rows = await this.prisma.evidenceDocument.findMany({
      where: { realizationId: { in: onlyUuids(realizationIds) } },
      omit: { content: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toEvidenceDocument);
  }

  async content(id: string): Promise<Uint8Array | null> {
    if (!isUuid(id)) return null;
    const row = await this.prisma.evidenceDocument.findUnique({ where: { id }, select: { content: true } });
    return row ? new Uint8Array(row.content) : null;
  }

  async save(document: EvidenceDocument, content: Uint8Array, audit: AuditContext): Promise<void> {
    const d = document;
    // The bytes cross the driver as base64 text and PostgreSQL decodes them: the embedded mode's
    // PGlite adapter (pglite-prisma-adapter 0.6) cannot bind Prisma's Bytes parameters (it reads them fine).
    const base64 = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('base64');
    await this.prisma.$transaction([
      this.prisma.$executeRaw`
        INSERT INTO evidence_document
          (id, agency_id, realization_id, employee_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, created_at)
        VALUES (${d.id}::uuid, ${d.agencyId}::uuid, ${d.realizationId}::uuid, ${d.employeeId}::uuid, ${d.fileName}, ${d.contentType},
          ${d.sizeBytes}, ${d.sha256}, decode(${base64}, 'base64'), ${d.uploadedBy}, ${d.uploadedAt})`,
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: 'evidence.uploaded',
          entityType: 'EvidenceDocument',
          entityId: d.id,
          agencyId: d.agencyId,
          before: null,
          after: d,
        }),
      }),
    ]);
  }
}
