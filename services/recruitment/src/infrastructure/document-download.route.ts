import type { IncomingMessage, ServerResponse } from 'node:http';

import type { TokenVerifier } from '@kinerja/auth';
import { NotFoundError } from '@kinerja/errors';
import { type RouteHandler, sendError } from '@kinerja/http-server';

import type { ApplicationDocumentReader } from '../application/application-document.reader';

/** `filename` for old clients (ASCII only) and `filename*` with the stored name in UTF-8 (RFC 6266). */
function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'dokumen';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * GET <prefix><id> with the bearer token: the stored document with its detected content type, as
 * an attachment (never inline, so an uploaded file cannot run in the app's origin).
 */
export function documentDownloadRoute(prefix: string, reader: ApplicationDocumentReader, verifier: TokenVerifier): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      const id = decodeURIComponent(path.slice(prefix.length));
      const viewer = await verifier.viewerFrom(req.headers.authorization);
      if (id.length === 0 || id.includes('/')) throw new NotFoundError('ApplicationDocument', id);
      const { document, content } = await reader.forDownload(viewer, id);
      res.writeHead(200, {
        'content-type': document.contentType,
        'content-length': content.length,
        'content-disposition': attachmentDisposition(document.fileName),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      });
      res.end(content);
    } catch (error) {
      sendError(res, error);
    }
  };
}
