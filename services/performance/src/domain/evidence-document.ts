import { createHash } from 'node:crypto';

import { acceptEvidenceDocument, decodeEvidenceContent, type EvidenceContentType } from './evidence-document.rule';

/** An uploaded document (bukti dukung) of a realization; the bytes travel separately (EvidenceStore). */
export interface EvidenceDocument {
  id: string;
  agencyId: string;
  realizationId: string;
  /** The plan's employee, whose evidence it is. */
  employeeId: string;
  fileName: string;
  contentType: EvidenceContentType;
  sizeBytes: number;
  /** Hex SHA-256 of the content: lets a reader check the download and spot the same file twice. */
  sha256: string;
  /** The user who uploaded it. */
  uploadedBy: string | null;
  uploadedAt: Date;
}

export interface EvidenceUpload {
  fileName: string;
  contentBase64: string;
}

/** Validates an upload (evidence-document.rule) and describes it; the content is returned decoded. */
export function newEvidenceDocument(
  id: string,
  owner: { agencyId: string; realizationId: string; employeeId: string; uploadedBy: string | null },
  upload: EvidenceUpload,
  uploadedAt: Date,
  maxBytes: number,
): { document: EvidenceDocument; content: Uint8Array } {
  const content = decodeEvidenceContent(upload.contentBase64, maxBytes);
  const accepted = acceptEvidenceDocument({ fileName: upload.fileName, content }, maxBytes);
  const sha256 = createHash('sha256').update(content).digest('hex');
  return { document: { id, ...owner, ...accepted, sha256, uploadedAt }, content };
}
