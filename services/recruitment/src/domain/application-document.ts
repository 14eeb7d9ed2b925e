import { createHash } from 'node:crypto';

import { acceptDocument, decodeDocumentContent, type DocumentContentType, requiredDocumentType } from './application-document.rule';

/** A document an applicant uploaded for their application; the bytes travel separately (DocumentStore). */
export interface ApplicationDocument {
  id: string;
  agencyId: string;
  applicationId: string;
  /** One of the vacancy's required documents, as the vacancy names it. */
  documentType: string;
  fileName: string;
  contentType: DocumentContentType;
  sizeBytes: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: Date;
}

export interface DocumentUpload {
  documentType: string;
  fileName: string;
  contentBase64: string;
}

/** Validates an upload against the rule and the vacancy's list; the content is returned decoded. */
export function newApplicationDocument(
  id: string,
  owner: { agencyId: string; applicationId: string; uploadedBy: string | null },
  required: readonly string[],
  upload: DocumentUpload,
  uploadedAt: Date,
  maxBytes: number,
): { document: ApplicationDocument; content: Uint8Array } {
  const documentType = requiredDocumentType(upload.documentType, required);
  const content = decodeDocumentContent(upload.contentBase64, maxBytes);
  const accepted = acceptDocument({ fileName: upload.fileName, content }, maxBytes);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return { document: { id, ...owner, documentType, ...accepted, sha256, uploadedAt }, content };
}
