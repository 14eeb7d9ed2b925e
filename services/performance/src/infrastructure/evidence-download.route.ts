import type { TokenVerifier } from '@kinerja/auth';
import { assertDocumentId, attachmentRoute, type RouteHandler } from '@kinerja/http-server';

import type { EvidenceDocumentReader } from '../application/evidence-document.reader';

/** GET <prefix><id> with the bearer token: an evidence document of a realization, for those the reader lets see it, as an attachment. */
export function evidenceDownloadRoute(prefix: string, reader: EvidenceDocumentReader, verifier: TokenVerifier): RouteHandler {
  return attachmentRoute({
    prefix,
    fallbackName: 'bukti-dukung',
    load: async (req, id) => {
      const viewer = await verifier.viewerFrom(req.headers.authorization);
      assertDocumentId(id, 'EvidenceDocument');
      const { document, content } = await reader.forDownload(viewer, id);
      return { fileName: document.fileName, contentType: document.contentType, content };
    },
  });
}
