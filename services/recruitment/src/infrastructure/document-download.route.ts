import type { TokenVerifier } from '@kinerja/auth';
import { assertDocumentId, attachmentRoute, type RouteHandler } from '@kinerja/http-server';

import type { ApplicationDocumentReader } from '../application/application-document.reader';

/** GET <prefix><id> with the bearer token: a document of an application, for those the reader lets see it, as an attachment. */
export function documentDownloadRoute(prefix: string, reader: ApplicationDocumentReader, verifier: TokenVerifier): RouteHandler {
  return attachmentRoute({
    prefix,
    fallbackName: 'dokumen',
    load: async (req, id) => {
      const viewer = await verifier.viewerFrom(req.headers.authorization);
      assertDocumentId(id, 'ApplicationDocument');
      const { document, content } = await reader.forDownload(viewer, id);
      return { fileName: document.fileName, contentType: document.contentType, content };
    },
  });
}
