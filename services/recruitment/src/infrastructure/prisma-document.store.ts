import { type AuditContext, auditRow } from '@kinerja/database';

import type { ApplicationDocument } from '../domain/application-document';
import type { DocumentContentType } from '../domain/application-document.rule';
import type { DocumentStore } from '../domain/repositories';
import type { ApplicationDocument as Row } from '../generated/prisma/client';
import type { RecruitmentPrisma } from './prisma-client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toDocument = (row: Omit<Row, 'content'>): ApplicationDocument => ({ ...row, contentType: row.contentType as DocumentContentType });

/**
 * Applicants' documents with their bytes in recruitment's own database (bytea), as performance
 * keeps evidence documents: one backup holds an application and its documents, a document is
 * written with its audit row in one transaction, and the embedded mode (PGlite) needs no object
 * store. The DocumentStore port lets an object-store adapter replace this one when volumes grow.
 */
export class PrismaDocumentStore implements DocumentStore {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async ofApplications(applicationIds: readonly string[]): Promise<ApplicationDocument[]> {
    const ids = applicationIds.filter((id) => UUID.test(id));
    if (ids.length === 0) return [];
    const rows = await this.prisma.applicationDocument.findMany({
      where: { applicationId: { in: ids } },
      omit: { content: true },
      orderBy: [{ documentType: 'asc' }],
    });
    return rows.map((row) => toDocument(row));
  }

  async byId(id: string): Promise<ApplicationDocument | null> {
    if (!UUID.test(id)) return null;
    const row = await this.prisma.applicationDocument.findUnique({ where: { id }, omit: { content: true } });
    return row ? toDocument(row) : null;
  }

  async content(id: string): Promise<Uint8Array | null> {
    if (!UUID.test(id)) return null;
    const row = await this.prisma.applicationDocument.findUnique({ where: { id }, select: { content: true } });
    return row ? new Uint8Array(row.content) : null;
  }

  async save(document: ApplicationDocument, content: Uint8Array, audit: AuditContext): Promise<ApplicationDocument> {
    const d = document;
    // The bytes cross the driver as base64 text and PostgreSQL decodes them: the embedded mode's
    // PGlite adapter cannot bind Prisma's Bytes parameters (as performance's evidence store found).
    const base64 = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('base64');
    return this.prisma.$transaction(async (tx) => {
      const replaced = await tx.applicationDocument.findUnique({
        where: { applicationId_documentType: { applicationId: d.applicationId, documentType: d.documentType } },
        omit: { content: true },
      });
      // A re-upload of the same type replaces the file and keeps the document's id.
      const id = replaced?.id ?? d.id;
      await tx.$executeRaw`
        INSERT INTO application_document (id, agency_id, application_id, document_type, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
        VALUES (${id}::uuid, ${d.agencyId}::uuid, ${d.applicationId}::uuid, ${d.documentType}, ${d.fileName}, ${d.contentType}, ${d.sizeBytes}, ${d.sha256},
                decode(${base64}, 'base64'), ${d.uploadedBy}, ${d.uploadedAt})
        ON CONFLICT (application_id, document_type) DO UPDATE SET file_name = excluded.file_name, content_type = excluded.content_type,
          size_bytes = excluded.size_bytes, sha256 = excluded.sha256, content = excluded.content, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at`;
      const saved = { ...d, id };
      await tx.auditLog.create({
        data: auditRow(audit, {
          action: replaced ? 'application.document-replaced' : 'application.document-uploaded',
          entityType: 'ApplicationDocument',
          entityId: id,
          agencyId: d.agencyId,
          before: replaced ? toDocument(replaced) : null,
          after: saved,
        }),
      });
      return saved;
    });
  }
}
